import { JsonBody } from '@app/traceability';

/** Bodies at least this long (in UTF-16 units) leave as bytes; shorter ones as the string Fastify is given. */
const AS_BYTES_FROM = 2048;

/**
 * Where a body is encoded before its bytes are copied out: Buffer.from(text) measures the UTF-8
 * length in a pass of its own before encoding, the copy of what was written costs less. A UTF-16
 * unit is at most 3 bytes of UTF-8, so a text up to a third of it always fits. Used synchronously only.
 */
const scratch = Buffer.allocUnsafeSlow(256 * 1024);

/**
 * The reply serializer of every JSON answer: JSON.stringify, as Fastify's default (a JsonBody, an
 * answer written already, as its bytes), and a long body
 * (a page of lots is some 18 kB) encoded to UTF-8 once here. Given a string, Fastify measures its
 * UTF-8 length for Content-Length, then Node joins it to the headers and encodes the joined text
 * again as it writes: three passes over the body, each slow on text with Vietnamese letters (which
 * V8 keeps two bytes a character). The bytes are the same either way.
 */
export function serializeJsonReply(payload: unknown): string | Buffer {
  // An answer written already (a page of lots) goes as its bytes.
  if (payload instanceof JsonBody) return payload.bytes;
  const text = JSON.stringify(payload) as string | undefined;
  if (text === undefined || text.length < AS_BYTES_FROM) return text as string;
  if (text.length * 3 > scratch.length) return Buffer.from(text, 'utf8');
  const length = scratch.write(text, 0, 'utf8');
  const bytes = Buffer.allocUnsafe(length);
  scratch.copy(bytes, 0, 0, length);
  return bytes;
}
