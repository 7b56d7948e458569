import QRCode, { type QRCodeMaskPattern } from 'qrcode';
import { LabelPayloadTooLongException } from './label.exception.js';
import { labelBoxLayout } from './layout.js';
import type { LabelTemplate } from './templates.js';

/** ISO/IEC 18004 asks for 4 light modules around the symbol. */
export const QR_QUIET_ZONE_MODULES = 4;

/** A QR symbol: `size`×`size` modules, row by row, 1 = dark. */
export interface QrSymbol {
  version: number;
  size: number;
  modules: Uint8Array;
}

/**
 * Encodes at error correction level M into exactly the symbol `QRCode.create` makes, about three
 * times as fast. qrcode spends most of its time trying the 8 masks through per-module method calls:
 * we let it encode once with mask 0 and score the 8 masks ourselves on typed arrays (same penalty
 * rules). The rest goes to segmentation, which `createWithMask0` replays for same-shaped payloads.
 */
export function encodeQr(payload: string): QrSymbol {
  const symbol = createWithMask0(payload);
  const { size, data } = symbol.modules;
  const masks = maskTables(symbol.version, symbol.modules.reservedBit);

  const candidate = new Uint8Array(size * size);
  const best = new Uint8Array(size * size);
  let lowestPenalty = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const flip = masks.flipFromMask0[mask];
    const functionModules = masks.functionModules[mask];
    const reserved = masks.reserved;
    for (let i = 0; i < candidate.length; i++) {
      candidate[i] = reserved[i] ? functionModules[i] : data[i] ^ flip[i];
    }
    const penalty = maskPenalty(candidate, size);
    if (penalty < lowestPenalty) {
      lowestPenalty = penalty;
      best.set(candidate);
    }
  }
  return { version: symbol.version, size, modules: best };
}

const MASK_0 = { errorCorrectionLevel: 'M', maskPattern: 0 } as const;

/** Segment modes and lengths qrcode chose for one shape of payload. */
type SegmentPlan = Array<{ mode: 'numeric' | 'alphanumeric' | 'byte'; length: number }>;

const segmentPlans = new Map<string, SegmentPlan>();
const MAX_SEGMENT_PLANS = 256;

/**
 * qrcode finds the shortest segmentation (numeric / alphanumeric / byte runs) with a shortest-path
 * search on every call, a quarter of its time. The result depends only on which character class sits
 * where, and the payloads of a job differ only in their serial digits: so the plan of the first
 * payload is replayed for the next ones that share its shape (same text with digits as '0').
 */
function createWithMask0(payload: string): QRCode.QRCode {
  // Byte segments count UTF-8 bytes: replaying by character offsets is only safe for ASCII.
  if (!/^[\x20-\x7e]*$/.test(payload)) return QRCode.create(payload, MASK_0);
  const shape = payload.replace(/[0-9]/g, '0');
  const plan = segmentPlans.get(shape);
  if (plan) {
    let offset = 0;
    const segments = plan.map(({ mode, length }) => {
      const text = payload.slice(offset, (offset += length));
      return mode === 'byte' ? { mode, data: Buffer.from(text, 'latin1') } : { mode, data: text };
    });
    return QRCode.create(segments, MASK_0);
  }
  const symbol = QRCode.create(payload, MASK_0);
  const planned: SegmentPlan = symbol.segments.map((segment) => ({
    mode: segment.mode.id.toLowerCase() as SegmentPlan[number]['mode'],
    length: segment.getLength(),
  }));
  if (planned.reduce((total, segment) => total + segment.length, 0) === payload.length) {
    if (segmentPlans.size >= MAX_SEGMENT_PLANS) segmentPlans.clear();
    segmentPlans.set(shape, planned);
  }
  return symbol;
}

interface MaskTables {
  reserved: Uint8Array;
  /** Per mask: XOR that turns a mask-0 data module into the same module under this mask. */
  flipFromMask0: Uint8Array[];
  /** Per mask: finder, timing, alignment, version and format modules (format info encodes the mask). */
  functionModules: Uint8Array[];
}

const maskTablesByVersion = new Map<number, MaskTables>();

function maskTables(version: number, reserved: Uint8Array): MaskTables {
  let tables = maskTablesByVersion.get(version);
  if (tables) return tables;
  const size = version * 4 + 17;
  const flipFromMask0: Uint8Array[] = [];
  const functionModules: Uint8Array[] = [];
  for (let mask = 0; mask < 8; mask++) {
    const flip = new Uint8Array(size * size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const i = row * size + col;
        if (!reserved[i]) flip[i] = maskBit(0, row, col) ^ maskBit(mask, row, col);
      }
    }
    flipFromMask0.push(flip);
    // Function modules do not depend on the data: take them from any symbol of this version and mask.
    const reference = QRCode.create('0', { version, errorCorrectionLevel: 'M', maskPattern: mask as QRCodeMaskPattern });
    functionModules.push(reference.modules.data);
  }
  tables = { reserved: Uint8Array.from(reserved), flipFromMask0, functionModules };
  maskTablesByVersion.set(version, tables);
  return tables;
}

/** The 8 data mask patterns of ISO/IEC 18004 §7.8.2 (i = row, j = column). */
function maskBit(mask: number, i: number, j: number): number {
  switch (mask) {
    case 0: return (i + j) % 2 === 0 ? 1 : 0;
    case 1: return i % 2 === 0 ? 1 : 0;
    case 2: return j % 3 === 0 ? 1 : 0;
    case 3: return (i + j) % 3 === 0 ? 1 : 0;
    case 4: return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0 ? 1 : 0;
    case 5: return ((i * j) % 2) + ((i * j) % 3) === 0 ? 1 : 0;
    case 6: return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0 ? 1 : 0;
    default: return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0 ? 1 : 0;
  }
}

// Lookup tables keep the penalty loops free of data-dependent branches, which random-looking QR
// data would mispredict half the time (2.4× faster than the obvious loops).
/** N1: a run adds 3 when it reaches 5 modules and 1 for each module beyond. */
const RUN_PENALTY = new Uint8Array(178).map((_, length) => (length === 5 ? 3 : length > 5 ? 1 : 0));
/** N3: dark-light-dark×3-light-dark with 4 light modules before or after, in an 11-module window. */
const FINDER_LIKE_PENALTY = new Uint8Array(2048).map((_, bits) => (bits === 0x5d0 || bits === 0x05d ? 40 : 0));
/** N2: a 2×2 block of one colour sums to 0 or 4. */
const BLOCK_PENALTY = Uint8Array.of(3, 0, 0, 0, 3);

/** The penalty rules N1–N4 exactly as qrcode scores them, so both pick the same mask. */
function maskPenalty(m: Uint8Array, size: number): number {
  let penalty = 0;
  for (let line = 0; line < size; line++) {
    penalty += linePenalty(m, line * size, 1, size);
    penalty += linePenalty(m, line, size, size);
  }
  for (let row = 0; row < size - 1; row++) {
    let i = row * size;
    let left = m[i] + m[i + size];
    for (let col = 1; col < size; col++) {
      i++;
      const right = m[i] + m[i + size];
      penalty += BLOCK_PENALTY[left + right];
      left = right;
    }
  }
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i];
  return penalty + Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10) * 10;
}

/** N1 and N3 along one row (stride 1) or column (stride size). */
function linePenalty(m: Uint8Array, start: number, stride: number, size: number): number {
  let penalty = 0;
  let i = start;
  let last = m[i];
  let run = 1;
  let bits = last;
  i += stride;
  // qrcode only looks for finder-like patterns once the window holds 11 modules.
  for (let b = 1; b < 10; b++, i += stride) {
    const module = m[i];
    run = run * (1 - (module ^ last)) + 1;
    last = module;
    penalty += RUN_PENALTY[run];
    bits = (bits << 1) | module;
  }
  for (let b = 10; b < size; b++, i += stride) {
    const module = m[i];
    run = run * (1 - (module ^ last)) + 1;
    last = module;
    penalty += RUN_PENALTY[run];
    bits = ((bits << 1) & 0x7ff) | module;
    penalty += FINDER_LIKE_PENALTY[bits];
  }
  return penalty;
}

/** Module size in mm when the symbol and its quiet zone fill a square box. */
export function qrModuleMm(symbol: QrSymbol, boxMm: number): number {
  return boxMm / (symbol.size + 2 * QR_QUIET_ZONE_MODULES);
}

/**
 * Encodes the payload and returns its module size in the box, or refuses it with
 * LABEL_PAYLOAD_TOO_LONG when the modules would be smaller than the printer can reproduce.
 */
export function qrForBox(payload: string, boxMm: number, minModuleMm: number): { symbol: QrSymbol; moduleMm: number } {
  let symbol: QrSymbol;
  try {
    symbol = encodeQr(payload);
  } catch (error) {
    if (!/too big/i.test(String(error?.message))) throw error;
    // Longer than the largest symbol (version 40) holds.
    throw new LabelPayloadTooLongException({
      payloadLength: payload.length,
      qrVersion: 40,
      moduleMm: boxMm / (177 + 2 * QR_QUIET_ZONE_MODULES),
      minModuleMm,
    });
  }
  const moduleMm = qrModuleMm(symbol, boxMm);
  assertModuleReadable(symbol, moduleMm, minModuleMm, payload.length);
  return { symbol, moduleMm };
}

export function assertModuleReadable(symbol: QrSymbol, moduleMm: number, minModuleMm: number, payloadLength: number): void {
  if (moduleMm < minModuleMm) {
    throw new LabelPayloadTooLongException({ payloadLength, qrVersion: symbol.version, moduleMm, minModuleMm });
  }
}

/** Checks a payload against a template's QR box before a job is accepted; returns the module size in mm. */
export function assertPayloadFits(template: LabelTemplate, payload: string): number {
  return qrForBox(payload, labelBoxLayout(template).qr.widthMm, template.minQrModuleMm).moduleMm;
}

/**
 * PDF path operators for the dark modules, one rectangle per horizontal run, in module units with
 * the quiet zone included (the caller scales it with a `cm` matrix). One path, filled once, is far
 * smaller and faster than a rectangle per module.
 */
export function qrRunsPath(symbol: QrSymbol): string {
  const { size, modules } = symbol;
  let path = '';
  for (let row = 0; row < size; row++) {
    const offset = row * size;
    let col = 0;
    while (col < size) {
      if (!modules[offset + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[offset + col]) col++;
      path += `${start + QR_QUIET_ZONE_MODULES} ${row + QR_QUIET_ZONE_MODULES} ${col - start} 1 re\n`;
    }
  }
  return path;
}
