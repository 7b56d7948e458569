import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Caller, Role } from '@app/traceability';

export const PUBLIC_ROUTE = 'nguon:public';
export const MIN_ROLE = 'nguon:min-role';

/** No authentication (health, auth, public lot pages). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The lowest role allowed. Writes default to 'recorder'; reads to 'viewer'. */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE, role);

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
