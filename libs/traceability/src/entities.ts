import { ApiKey } from './accounts/api-key.entity.js';
import { Organization } from './accounts/organization.entity.js';
import { User } from './accounts/user.entity.js';
import { EventLine, LotEvent } from './lots/event.entity.js';
import { Lot, LotLink, Shipment } from './lots/lot.entity.js';
import { REGISTRY_ENTITIES } from './registry/registry.entities.js';
import { LabelJob } from './labels/label-job.entity.js';
import { ImportJob } from './imports/import-job.entity.js';

/** Every entity, registered as classes (globs differ between .ts and built .js). */
export const TRACEABILITY_ENTITIES = [Organization, User, ApiKey, Lot, LotLink, Shipment, LotEvent, EventLine, ...REGISTRY_ENTITIES, LabelJob, ImportJob];
