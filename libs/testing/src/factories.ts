import { randomUUID } from 'node:crypto';
import request from 'supertest';

export interface TestOrganization {
  token: string;
  organizationId: string;
  userId: string;
  email: string;
  password: string;
  auth: { Authorization: string };
}

/** A fresh organization with its owner, signed up through the public API. */
export async function signupOrganization(
  server: Parameters<typeof request>[0],
  overrides: Partial<{ organizationName: string; email: string; password: string; organizationKind: string; province: string }> = {},
): Promise<TestOrganization> {
  const email = overrides.email ?? `owner-${randomUUID()}@test.nguon.vn`;
  const password = overrides.password ?? 'correct horse battery staple';
  const response = await request(server)
    .post('/api/v1/auth/signup')
    .send({ organizationName: `HTX Thử nghiệm ${randomUUID().slice(0, 8)}`, province: 'Điện Biên', ...overrides, email, password });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token = response.body.accessToken as string;
  return {
    token,
    organizationId: response.body.organization.id,
    userId: response.body.user.id,
    email,
    password,
    auth: { Authorization: `Bearer ${token}` },
  };
}

/** Another user of an existing organization, with the given role. */
export async function addUser(
  server: Parameters<typeof request>[0],
  owner: TestOrganization,
  role: 'admin' | 'recorder' | 'viewer',
): Promise<{ token: string; auth: { Authorization: string }; email: string }> {
  const email = `${role}-${randomUUID()}@test.nguon.vn`;
  const password = 'another long password';
  const created = await request(server).post('/api/v1/users').set(owner.auth).send({ email, password, role });
  if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await request(server).post('/api/v1/auth/login').send({ email, password });
  return { token: login.body.accessToken, auth: { Authorization: `Bearer ${login.body.accessToken}` }, email };
}
