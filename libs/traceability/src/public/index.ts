export { clientClassOf, type ClientClass } from './client-class.js';
export { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS, withTimeout } from './outage.js';
export {
  GS1_VOC,
  SUPPORTED_LINK_TYPES,
  lotLinkContexts,
  parseLinkType,
  productLinkContexts,
  selectLink,
  toLinkset,
  withQueryAttributes,
  type LinkContext,
  type LinkTarget,
} from './links.js';
export { PublicLotRepository, type LotKey, type SerialStats } from './public-lot.repository.js';
export { PublicLotService } from './public-lot.service.js';
export type {
  ChainStatus,
  GeoPoint,
  LotPublicView,
  ProductPublicView,
  PublicCertification,
  PublicFacility,
  PublicGrowingArea,
  PublicInputApplication,
  PublicLot,
  PublicOrganization,
  PublicOrigin,
  PublicProduct,
  Stage,
  TimelineStep,
} from './public-lot.types.js';
export { PublicLotModule } from './public.module.js';
export { parseResolverPath, type ResolverKey } from './resolver-path.js';
export { ScanRecorder, type ScanRepresentation } from './scan-recorder.js';
export { clientOf } from './scan-salts.js';
export {
  isSuspiciousSerial,
  SUSPICIOUS_SERIAL_DISTINCT_DAYS,
  SUSPICIOUS_SERIAL_SCANS,
  ScanStatsRepository,
  type LotScanStats,
} from './scan-stats.repository.js';
export { VersionProbe } from './version-probe.js';
