export type LabelErrorCode =
  | 'LABEL_PAYLOAD_TOO_LONG'
  | 'LABEL_TEMPLATE_NOT_FOUND'
  | 'LABEL_START_POSITION_OUT_OF_RANGE'
  | 'LABEL_OFFSET_OUT_OF_RANGE'
  | 'LABEL_COUNT_INVALID'
  | 'LABEL_COUNT_MISMATCH';

/** Every error this library throws carries a stable code, so callers map it without parsing messages. */
export class LabelException extends Error {
  constructor(
    readonly code: LabelErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The QR for this payload would need modules smaller than the printer can reproduce. */
export class LabelPayloadTooLongException extends LabelException {
  constructor(details: { payloadLength: number; qrVersion: number; moduleMm: number; minModuleMm: number }) {
    super(
      'LABEL_PAYLOAD_TOO_LONG',
      `QR payload of ${details.payloadLength} characters needs version ${details.qrVersion}: ` +
        `module ${details.moduleMm.toFixed(3)} mm is below the ${details.minModuleMm} mm minimum for this template`,
      details,
    );
  }
}
