import { ApiKey } from './accounts/api-key.entity.js';
import { Organization } from './accounts/organization.entity.js';
import { User } from './accounts/user.entity.js';
import { REGISTRY_ENTITIES } from './registry/registry.entities.js';
import { ImportJob } from './imports/import-job.entity.js';

/**
 * Every entity, registered as classes (globs differ between .ts and built .js). The lot tables and
 * label_job have none: their repositories use SQL, with row types declared once (lots/lot-rows.ts,
 * labels/label-job.ts).
 */
export const TRACEABILITY_ENTITIES = [Organization, User, ApiKey, ...REGISTRY_ENTITIES, ImportJob];
