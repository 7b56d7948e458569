import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

type Operation = {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
type Schema = { properties?: Record<string, unknown> };

describe('accounts: OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    document = (await request(t.server).get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const schema = (ref: string | undefined) => document.components.schemas[String(ref).replace('#/components/schemas/', '')];

  // [method, path, request body schema or null, success status, response schema or null (no body)]
  const routes: [string, string, string | null, string, string | null][] = [
    ['post', '/api/v1/auth/logout', null, '204', null],
    ['post', '/api/v1/auth/forgot-password', 'ForgotPasswordDto', '202', 'AcceptedDto'],
    ['post', '/api/v1/auth/reset-password', 'ResetPasswordDto', '204', null],
    ['post', '/api/v1/me/password', 'ChangePasswordDto', '204', null],
    ['get', '/api/v1/users', null, '200', 'UserListDto'],
    ['post', '/api/v1/users', 'CreateUserDto', '201', 'CreatedUserDto'],
    ['patch', '/api/v1/users/{id}', 'UpdateUserDto', '200', 'UserDto'],
    ['post', '/api/v1/users/{id}/deactivate', null, '200', 'UserDto'],
    ['post', '/api/v1/users/{id}/reactivate', null, '200', 'UserDto'],
    ['delete', '/api/v1/users/{id}', null, '204', null],
    ['post', '/api/v1/users/{id}/password-reset', null, '201', 'PasswordLinkDto'],
    ['get', '/api/v1/api-keys', null, '200', 'ApiKeyListDto'],
    ['get', '/api/v1/organization-links', null, '200', 'OrganizationLinkListDto'],
    ['get', '/api/v1/organization-links/candidates', null, '200', 'OrganizationSummaryListDto'],
    ['post', '/api/v1/organization-links', 'CreateOrganizationLinkDto', '201', 'OrganizationLinkDto'],
    ['post', '/api/v1/organization-links/{id}/accept', null, '200', 'OrganizationLinkDto'],
    ['post', '/api/v1/organization-links/{id}/decline', null, '200', 'OrganizationLinkDto'],
    ['post', '/api/v1/organization-links/{id}/end', null, '200', 'OrganizationLinkDto'],
  ];

  it.each(routes)('documents %s %s', (method, path, body, status, response) => {
    const operation = document.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses)).toContain(status);
    if (body) expect(operation.requestBody?.content['application/json']?.schema.$ref).toBe(`#/components/schemas/${body}`);
    const content = operation.responses[status].content?.['application/json']?.schema.$ref;
    if (response) expect(content).toBe(`#/components/schemas/${response}`);
    else expect(content).toBeUndefined();
  });

  it('documents the fields of links, users and sign-up kinds', () => {
    expect(Object.keys(schema('#/components/schemas/OrganizationLinkDto').properties!)).toEqual(
      expect.arrayContaining(['id', 'kind', 'status', 'fromOrganizationId', 'toOrganizationId', 'other', 'awaitingOurAnswer']),
    );
    expect(Object.keys(schema('#/components/schemas/UserDto').properties!)).toEqual(expect.arrayContaining(['id', 'email', 'role', 'deactivatedAt']));
    expect((schema('#/components/schemas/SignupDto').properties!.organizationKind as { enum: string[] }).enum).toEqual(['cooperative', 'enterprise', 'household_business']);
  });
});
