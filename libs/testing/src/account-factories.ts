import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { ProgrammeOfficesService } from '@app/traceability';
import type { TestOrganization } from './factories.js';

type Server = Parameters<typeof request>[0];

/** The token of a one-time password link (…#/reset-password?token=…). */
export const tokenOf = (link: string): string => new URL(link.replace('#/reset-password?', 'reset-password?')).searchParams.get('token')!;

/**
 * A programme office made the way a platform operator makes one (the service behind
 * `npm run admin -- create-programme-office`), its owner's password set through the one-time link
 * the operator passes on, then logged in.
 */
export async function createProgrammeOffice(
  t: { app: INestApplicationContext; server: Server },
  overrides: Partial<{ name: string; province: string; email: string; password: string }> = {},
): Promise<TestOrganization> {
  const email = overrides.email ?? `office-${randomUUID()}@test.nguon.vn`;
  const password = overrides.password ?? 'văn phòng điều phối NTM';
  const created = await t.app.get(ProgrammeOfficesService).create({
    name: overrides.name ?? `Văn phòng Điều phối NTM ${randomUUID().slice(0, 8)}`,
    province: overrides.province ?? 'Điện Biên',
    email,
  });
  const set = await request(t.server).post('/api/v1/auth/reset-password').send({ token: tokenOf(created.link), password });
  if (set.status !== 204) throw new Error(`setting the office's password failed: ${set.status} ${JSON.stringify(set.body)}`);
  const login = await request(t.server).post('/api/v1/auth/login').send({ email, password });
  if (login.status !== 200) throw new Error(`office login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.accessToken as string;
  return { token, organizationId: created.organization.id, userId: created.user.id, email, password, auth: { Authorization: `Bearer ${token}` } };
}

/** The office invites the organization and the organization's owner accepts; returns the link's id. */
export async function grantOversight(server: Server, office: TestOrganization, organization: TestOrganization): Promise<string> {
  const invited = await request(server).post('/api/v1/organization-links').set(office.auth).send({ kind: 'oversight', organizationId: organization.organizationId });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await request(server).post(`/api/v1/organization-links/${invited.body.id}/accept`).set(organization.auth);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return invited.body.id;
}

/** The receiver accepts the trade link the sender asked for (by naming it in a partner); returns its id. */
export async function acceptTradeLink(server: Server, receiver: TestOrganization, senderOrganizationId: string): Promise<string> {
  const pending = await request(server).get('/api/v1/organization-links?kind=trade&status=pending').set(receiver.auth);
  const link = (pending.body.items ?? []).find((l: { fromOrganizationId: string }) => l.fromOrganizationId === senderOrganizationId);
  if (!link) throw new Error(`no pending trade link from ${senderOrganizationId}: ${pending.status} ${JSON.stringify(pending.body)}`);
  const accepted = await request(server).post(`/api/v1/organization-links/${link.id}/accept`).set(receiver.auth);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return link.id;
}
