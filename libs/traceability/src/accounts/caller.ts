import type { Role } from './user.entity.js';

/** Who is making a request, and on behalf of which organization (the tenant every query is scoped by). */
export interface Caller {
  organizationId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  /** Set when a programme office reads a cooperative in its province (always read-only). */
  actingFromOrganizationId?: string;
}
