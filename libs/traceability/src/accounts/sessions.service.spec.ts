import { describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { AccountsRepository, SessionCaller } from './accounts.repository.js';
import type { AuthChange, AuthChanges } from './auth-changes.js';
import { SessionsService } from './sessions.service.js';

const USER = '0193a0c4-7d1e-7f00-8000-000000000001';
const ORG = '0193a0c4-7d1e-7f00-8000-0000000000aa';

/** The service over a fake repository and a fake notification channel whose state the test sets. */
function setup() {
  let changed: ((change: AuthChange) => void) | undefined;
  const changes = { listening: true, listen: jest.fn(async () => undefined), onChange: (listener: (change: AuthChange) => void) => (changed = listener) };
  const found: SessionCaller = { userId: USER, organizationId: ORG, role: 'recorder' };
  const repository = {
    findSessionCaller: jest.fn(async () => found),
    insertSession: jest.fn(async () => undefined),
  };
  const jwt = new JwtService({ secret: 'a-secret-of-at-least-thirty-two-characters', signOptions: { algorithm: 'HS256', expiresIn: '1h' }, verifyOptions: { algorithms: ['HS256'] } });
  const service = new SessionsService(repository as unknown as AccountsRepository, jwt, changes as unknown as AuthChanges);
  return { service, repository, changes, change: (change: AuthChange) => changed!(change) };
}

describe('SessionsService caller cache', () => {
  it('looks a token up once while revocations are heard, and again once one names its user', async () => {
    const { service, repository, change } = setup();
    const { accessToken } = await service.issue({ id: USER, organizationId: ORG, role: 'recorder' });
    expect(await service.authenticate(accessToken)).toMatchObject({ userId: USER, role: 'recorder' });
    await service.authenticate(accessToken);
    expect(repository.findSessionCaller).toHaveBeenCalledTimes(1);
    change({ users: ['someone-else'] });
    await service.authenticate(accessToken);
    expect(repository.findSessionCaller).toHaveBeenCalledTimes(1);
    change({ users: [USER] });
    await service.authenticate(accessToken);
    expect(repository.findSessionCaller).toHaveBeenCalledTimes(2);
  });

  it('trusts no cached caller while the notification connection is down, and asks to listen again', async () => {
    const { service, repository, changes } = setup();
    const { accessToken } = await service.issue({ id: USER, organizationId: ORG, role: 'recorder' });
    await service.authenticate(accessToken);
    changes.listening = false;
    await service.authenticate(accessToken);
    await service.authenticate(accessToken);
    expect(repository.findSessionCaller).toHaveBeenCalledTimes(3);
    expect(changes.listen).toHaveBeenCalled();
    // Revoked meanwhile: refused at once.
    repository.findSessionCaller.mockResolvedValueOnce(null as never);
    expect(await service.authenticate(accessToken)).toBeNull();
  });
});
