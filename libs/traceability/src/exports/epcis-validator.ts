import { Ajv, type ErrorObject } from 'ajv';
import formatsModule from 'ajv-formats';
/** GS1's EPCIS 2.0 JSON Schema, shipped with the service (see standards/README.md). */
import EPCIS_SCHEMA from './standards/EPCIS-JSON-Schema.json' with { type: 'json' };

export interface EpcisValidationResult {
  valid: boolean;
  /** ajv errors as "instancePath message" lines, empty when valid. */
  errors: string[];
}

export type EpcisValidator = (document: unknown) => EpcisValidationResult;

// ajv-formats is CommonJS: under ESM its plugin function is the module itself or its `default`.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv) => Ajv;

function formatError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`;
}

/**
 * Compiles the schema once and returns a validator for EPCISDocuments, EPCISQueryDocuments and single
 * events. The schema declares draft-07, ajv's default dialect; `strict: false` because the schema uses
 * keywords in positions ajv's strict mode frowns upon (GS1's README says the same), and formats
 * (uri, date-time) are checked, which is where most mapping mistakes show.
 */
export function createEpcisValidator(schema: object = EPCIS_SCHEMA): EpcisValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (document: unknown) => {
    const valid = validate(document) as boolean;
    return { valid, errors: valid ? [] : (validate.errors ?? []).map(formatError) };
  };
}
