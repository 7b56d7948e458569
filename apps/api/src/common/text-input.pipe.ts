import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainException } from '@app/traceability';

/**
 * Text as the domain stores it: NFC (macOS and some Vietnamese keyboards send NFD; docs/rules.md#text-is-vietnamese-safe),
 * and never a NUL character, which PostgreSQL cannot store in text or jsonb: a request carrying one
 * is refused naming the field, instead of failing in the database.
 */
export function normalizeText(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulIn(path);
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((item, i) => normalizeText(item, `${path}[${i}]`));
  if (value && typeof value === 'object' && isPlain(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const field = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) throw nulIn(field);
        return [key, normalizeText(item, field)];
      }),
    );
  }
  return value;
}

/** Parsed JSON or a query string (whose object has no Object prototype), not a class instance. */
function isPlain(value: object): boolean {
  const constructor = (value as { constructor?: unknown }).constructor;
  return constructor === Object || constructor === undefined;
}

function nulIn(field: string): DomainException {
  const name = field || 'body';
  return new DomainException('TEXT_INVALID_CHARACTER', `${name}: text may not contain the NUL character (\\u0000)`, 'bad_request', { field: name });
}

@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'custom' ? value : normalizeText(value, metadata.data ?? '');
  }
}
