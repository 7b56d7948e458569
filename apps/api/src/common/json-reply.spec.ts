import { describe, expect, it } from '@jest/globals';
import { serializeJsonReply } from './json-reply.js';

describe('serializeJsonReply', () => {
  const bytes = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

  it('gives the bytes JSON.stringify’s text has in UTF-8, a long body as a Buffer', () => {
    const lot = { code: 'LÔ-"01"\n', name: 'Ruộng Co Mỵ', emoji: '🌾', lone: '\ud800', quantity: '12.5', n: 1, none: null, gone: undefined };
    const page = { items: Array.from({ length: 40 }, (_, i) => ({ ...lot, i })), total: null };
    const long = serializeJsonReply(page);
    expect(Buffer.isBuffer(long)).toBe(true);
    expect(bytes(long).equals(Buffer.from(JSON.stringify(page), 'utf8'))).toBe(true);
    const short = serializeJsonReply(lot);
    expect(short).toBe(JSON.stringify(lot));
  });

  it('encodes a body too long for its scratch space the same way', () => {
    const page = { items: Array.from({ length: 3000 }, (_, i) => ({ name: 'Hộ Lò Văn Ả 🌾', i })) };
    const body = serializeJsonReply(page);
    expect(JSON.stringify(page).length * 3).toBeGreaterThan(256 * 1024);
    expect(bytes(body).equals(Buffer.from(JSON.stringify(page), 'utf8'))).toBe(true);
    // And a shorter one after it: nothing of the longer one is left in its bytes.
    const short = { items: Array.from({ length: 30 }, (_, i) => ({ name: 'Thóc', i })) };
    expect(bytes(serializeJsonReply(short)).equals(Buffer.from(JSON.stringify(short), 'utf8'))).toBe(true);
  });

  it('answers what JSON.stringify answers for what it cannot write', () => {
    expect(serializeJsonReply(undefined)).toBeUndefined();
  });
});
