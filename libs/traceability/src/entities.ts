import { ApiKey } from './accounts/api-key.entity.js';
import { Organization } from './accounts/organization.entity.js';
import { User } from './accounts/user.entity.js';

/** Every entity, registered as classes (globs differ between .ts and built .js). */
export const TRACEABILITY_ENTITIES = [Organization, User, ApiKey];
