import { ApiKey } from './accounts/api-key.entity.js';
import { Organization } from './accounts/organization.entity.js';
import { User } from './accounts/user.entity.js';
import { REGISTRY_ENTITIES } from './registry/registry.entities.js';
import { LabelJob } from './labels/label-job.entity.js';

/**
 * Every entity, registered as classes (globs differ between .ts and built .js). The lot tables have
 * none: their repositories use SQL, with row types declared once in lots/lot-rows.ts.
 */
export const TRACEABILITY_ENTITIES = [Organization, User, ApiKey, ...REGISTRY_ENTITIES, LabelJob];
