import type { Role } from './user.entity.js';

/** Who is making a request, and on behalf of which organization (the tenant every query is scoped by). */
export interface Caller {
  organizationId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  /** The session a user's token names (null for API keys); logging out revokes it. */
  sessionId?: string | null;
  /** Set when a programme office reads a cooperative that accepted its oversight (always read-only). */
  actingFromOrganizationId?: string;
}
