import { Accounts1764403200000 } from './1764403200000-accounts.js';
import { Registry1764403300000 } from './1764403300000-registry.js';
import { LotsAndEvents1764403400000 } from './1764403400000-lots-and-events.js';
import { LotOperations1764403510000 } from './1764403510000-lot-operations.js';
import { LabelJobs1764403600000 } from './1764403600000-label-jobs.js';
import { Scans1764403700000 } from './1764403700000-scans.js';
import { ChainHeadPrevHash1764403750000 } from './1764403750000-chain-head-prev-hash.js';
import { LinkEventType1764403800000 } from './1764403800000-link-event-type.js';
import { Gs1Identifiers1764403900000 } from './1764403900000-gs1-identifiers.js';
import { IdempotencyInTransaction1764403920000 } from './1764403920000-idempotency-in-transaction.js';
import { SessionsAndLinks1764404000000 } from './1764404000000-sessions-and-links.js';
import { ScanClients1764404100000 } from './1764404100000-scan-clients.js';
import { LotPageNotifications1764404200000 } from './1764404200000-lot-page-notifications.js';
import { AdministrativeUnits1764405300000 } from './1764405300000-administrative-units.js';
import { StatusEffectiveDate1764405400000 } from './1764405400000-status-effective-date.js';
import { ImportJobs1764405500000 } from './1764405500000-import-jobs.js';
import { PublicShowcase1764406200000 } from './1764406200000-public-showcase.js';
import { ImportHistory1764406300000 } from './1764406300000-import-history.js';
import { EpcisCapture1764406400000 } from './1764406400000-epcis-capture.js';
import { ProgrammeAlerts1764406500000 } from './1764406500000-programme-alerts.js';
import { ProgrammeReports1764406510000 } from './1764406510000-programme-reports.js';
import { ProgrammeRollups1764406700000 } from './1764406700000-programme-rollups.js';

/** Every migration, in order. Registered as classes: globs differ between .ts and built .js. */
export const MIGRATIONS = [
  Accounts1764403200000,
  Registry1764403300000,
  LotsAndEvents1764403400000,
  LotOperations1764403510000,
  LabelJobs1764403600000,
  Scans1764403700000,
  ChainHeadPrevHash1764403750000,
  LinkEventType1764403800000,
  Gs1Identifiers1764403900000,
  IdempotencyInTransaction1764403920000,
  SessionsAndLinks1764404000000,
  ScanClients1764404100000,
  LotPageNotifications1764404200000,
  AdministrativeUnits1764405300000,
  StatusEffectiveDate1764405400000,
  ImportJobs1764405500000,
  PublicShowcase1764406200000,
  ImportHistory1764406300000,
  EpcisCapture1764406400000,
  ProgrammeAlerts1764406500000,
  ProgrammeReports1764406510000,
  ProgrammeRollups1764406700000,
];
