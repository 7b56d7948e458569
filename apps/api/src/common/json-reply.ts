/** Bodies at least this long (in UTF-16 units) leave as bytes; shorter ones as the string Fastify is given. */
const AS_BYTES_FROM = 2048;

/**
 * The reply serializer of every JSON answer: JSON.stringify, as Fastify's default, and a long body
 * (a page of lots is some 18 kB) encoded to UTF-8 once here. Given a string, Fastify measures its
 * UTF-8 length for Content-Length, then Node joins it to the headers and encodes the joined text
 * again as it writes: three passes over the body, each slow on text with Vietnamese letters (which
 * V8 keeps two bytes a character). The bytes are the same either way.
 */
export function serializeJsonReply(payload: unknown): string | Buffer {
  const text = JSON.stringify(payload) as string | undefined;
  return text === undefined || text.length < AS_BYTES_FROM ? (text as string) : Buffer.from(text, 'utf8');
}
