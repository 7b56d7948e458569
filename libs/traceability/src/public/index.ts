export { clientClassOf, type ClientClass } from './client-class.js';
export { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS, withTimeout } from './outage.js';
export {
  GS1_VOC,
  LINKSET_JSON_LD_CONTEXT,
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
export { PUBLIC_LOT_COLUMNS, PUBLIC_LOT_SELECT, PUBLIC_PRODUCT_COLUMNS, PUBLIC_PRODUCT_SELECT, PublicLotRepository, type LotKey, type SerialStats } from './public-lot.repository.js';
export { PublicLotService } from './public-lot.service.js';
export type {
  ChainStatus,
  GeoPoint,
  LocationCode,
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
export { checkDataAttributes, decompressDigitalLinkPath } from './digital-link.js';
