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

  it('answers what JSON.stringify answers for what it cannot write', () => {
    expect(serializeJsonReply(undefined)).toBeUndefined();
  });
});
