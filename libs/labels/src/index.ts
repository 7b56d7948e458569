export { renderLabelsBaseline } from './baseline.js';
export { defaultLabelFonts, type LabelFonts } from './fonts.js';
export { LabelException, LabelPayloadTooLongException, type LabelErrorCode } from './label.exception.js';
export {
  captions,
  formatLabelDate,
  labelTextLines,
  type LabelItem,
  type LabelJobView,
  type LabelLanguage,
  type TextLine,
} from './label-view.js';
export {
  assertStartPosition,
  labelBoxLayout,
  labelCell,
  mmToPt,
  pageCount,
  type BoxMm,
  type LabelBoxLayout,
  type LabelCell,
} from './layout.js';
export { assertPayloadFits, encodeQr, qrForBox, qrModuleMm, QR_QUIET_ZONE_MODULES, type QrSymbol } from './qr.js';
export {
  MAX_OFFSET_MM,
  renderLabels,
  type LabelSource,
  type ProgressListener,
  type RenderLabelsOptions,
  type RenderProgress,
  type RenderResult,
} from './renderer.js';
export { findTemplate, LABEL_TEMPLATES, labelsPerPage, requireTemplate, type LabelTemplate } from './templates.js';
export { POSTER_SIZES, renderPoster, type PosterSize, type PosterView } from './poster.js';
