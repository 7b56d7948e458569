import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccountsService, Caller, DomainException, Role, roleAtLeast } from '@app/traceability';
import { MIN_ROLE, PUBLIC_ROUTE } from './auth.decorators.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves `Authorization: Bearer <JWT or API key>` to the caller and its tenant. Viewers never write.
 * `X-Organization-Id` lets a confirmed programme office read an organization that accepted its oversight.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? (request.headers['x-api-key'] as string | undefined);
    if (!token) throw new DomainException('AUTH_REQUIRED', 'Authorization: a bearer token or API key is required', 'unauthorized');
    let caller = await this.accounts.authenticate(token);
    if (!caller) throw new DomainException('INVALID_TOKEN', 'Authorization: the token or API key is invalid, expired or revoked', 'unauthorized');

    const actAs = request.headers['x-organization-id'];
    if (typeof actAs === 'string' && actAs) {
      if (!UUID.test(actAs)) {
        throw new DomainException('INVALID_ORGANIZATION_ID', 'X-Organization-Id: must be an organization id (a UUID)', 'bad_request', { field: 'X-Organization-Id' });
      }
      caller = await this.accounts.actAs(caller, actAs.toLowerCase());
    }

    const required = this.reflector.getAllAndOverride<Role>(MIN_ROLE, targets) ?? (READ_METHODS.has(request.method) ? 'viewer' : 'recorder');
    if (!roleAtLeast(caller.role, required)) {
      throw new DomainException('ROLE_FORBIDDEN', `Your role (${caller.role}) cannot do this; it needs ${required} or above`, 'forbidden');
    }
    request.caller = caller;
    return true;
  }
}
