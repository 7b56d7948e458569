import type { Caller } from '../../accounts/caller.js';

/** Who records an operation: the organization, and the user or API key acting for it. */
export type Actor = Pick<Caller, 'organizationId' | 'userId' | 'apiKeyId'>;
