import { Accounts1764403200000 } from './1764403200000-accounts.js';
import { Registry1764403300000 } from './1764403300000-registry.js';
import { LotsAndEvents1764403400000 } from './1764403400000-lots-and-events.js';
import { LotOperations1764403510000 } from './1764403510000-lot-operations.js';
import { LabelJobs1764403600000 } from './1764403600000-label-jobs.js';
import { Scans1764403700000 } from './1764403700000-scans.js';
import { ChainHeadPrevHash1764403750000 } from './1764403750000-chain-head-prev-hash.js';
import { LinkEventType1764403800000 } from './1764403800000-link-event-type.js';
import { IdempotencyInTransaction1764403920000 } from './1764403920000-idempotency-in-transaction.js';

/** Every migration, in order. Registered as classes: globs differ between .ts and built .js. */
export const MIGRATIONS = [Accounts1764403200000, Registry1764403300000, LotsAndEvents1764403400000, LotOperations1764403510000, LabelJobs1764403600000, Scans1764403700000, ChainHeadPrevHash1764403750000, LinkEventType1764403800000, IdempotencyInTransaction1764403920000];
