import { describe, it, expect } from '@jest/globals';
import { CanonicalText, canonicalJson, chainHash, GENESIS_HASH, verifyChain, type ChainedEvent } from './hash-chain.js';

describe('canonicalJson', () => {
  it('matches the RFC 8785 §3.2.2 example', () => {
    const input = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units as in the RFC 8785 §3.2.3 example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // (Object.keys would list "1" first whatever the text says, so read the names off the text.)
    const names = [...canonicalJson(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((match) => JSON.parse(`"${match[1]}"`));
    expect(names).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('sorts nested keys, drops undefined members, writes Dates as ISO strings', () => {
    expect(
      canonicalJson({ b: { z: 1, a: [2, { y: true, x: null }] }, a: undefined, at: new Date('2026-03-15T01:30:00.000Z'), c: 'Cù' }),
    ).toBe('{"at":"2026-03-15T01:30:00.000Z","b":{"a":[2,{"x":null,"y":true}],"z":1},"c":"Cù"}');
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('writes strings exactly as JSON.stringify does (escapes, lone and paired surrogates, Vietnamese)', () => {
    const strings = ['Thóc nếp Séng Cù', 'a"b', 'a\\b', 'tab\there', '\u0000\u001f', '\ud83d\ude00', 'lone \ud800 high', 'lone \udc00 low', '\u2028\u2029', ''];
    for (const text of strings) expect(canonicalJson(text)).toBe(JSON.stringify(text));
    expect(canonicalJson({ [strings[1]]: strings[4] })).toBe(`{${JSON.stringify(strings[1])}:${JSON.stringify(strings[4])}}`);
  });

  it('sorts integer-like keys as text (Object.keys lists them by number) and keeps already sorted objects as they are', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', x: 1 })).toBe('{"10":"b","9":"a","x":1}');
    expect(canonicalJson({ a: 1, b: { c: [true, false, undefined], d: 0.1 } })).toBe('{"a":1,"b":{"c":[true,false,null],"d":0.1}}');
  });

  it('writes a CanonicalText as it is', () => {
    const details = { z: 1, a: 'x' };
    expect(canonicalJson({ b: new CanonicalText(canonicalJson(details)), a: 2 })).toBe(canonicalJson({ b: details, a: 2 }));
  });

  it('refuses values without a JSON form', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow('cannot hash');
    expect(() => canonicalJson({ n: Infinity })).toThrow('cannot hash');
    expect(() => canonicalJson({ n: 10n })).toThrow('cannot hash');
  });
});

describe('chainHash', () => {
  // Expected values from the shell: printf '%s%s' "$(printf '0%.0s' $(seq 64))" '{"a":"Điện Biên","b":1}' | sha256sum
  const FIRST = 'c3c59066ad2d126190376d688bd125eba46f36890dfc55c30855b4f9653f968b';
  const SECOND = '39ce74c513d64f2cfe5fd3eb3ea7fd6067eb4e9074cf06ac22e1be5fe6c6086a';

  it('hashes 64 zeros then the canonical JSON for the first event', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(chainHash(null, { b: 1, a: 'Điện Biên' })).toBe(FIRST);
  });

  it('hashes the previous hash then the canonical JSON', () => {
    expect(chainHash(FIRST, { type: 'harvest', quantity: '12.5', lot: 'DB-2026-000123' })).toBe(SECOND);
  });
});

describe('verifyChain', () => {
  function buildChain(bodies: object[]): ChainedEvent[] {
    const events: ChainedEvent[] = [];
    let prevHash: string | null = null;
    bodies.forEach((body, i) => {
      const hash = chainHash(prevHash, body);
      events.push({ id: `e${i + 1}`, hash, prevHash, body });
      prevHash = hash;
    });
    return events;
  }
  const bodies = [
    { type: 'harvest', quantity: '100' },
    { type: 'transform', quantity: '80' },
    { type: 'ship', quantity: '40' },
    { type: 'receive', quantity: '40' },
  ];

  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(buildChain(bodies))).toEqual({ valid: true, eventsChecked: 4, firstBrokenEventId: null });
    expect(verifyChain([])).toEqual({ valid: true, eventsChecked: 0, firstBrokenEventId: null });
  });

  it('finds an edited body', () => {
    const events = buildChain(bodies);
    events[2] = { ...events[2], body: { type: 'ship', quantity: '4' } };
    expect(verifyChain(events)).toEqual({ valid: false, eventsChecked: 3, firstBrokenEventId: 'e3' });
  });

  it('finds an edited hash (the next link breaks too, the first is reported)', () => {
    const events = buildChain(bodies);
    events[1] = { ...events[1], hash: 'f'.repeat(64) };
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenEventId: 'e2' });
  });

  it('finds a deleted event', () => {
    const events = buildChain(bodies);
    events.splice(1, 1);
    expect(verifyChain(events)).toEqual({ valid: false, eventsChecked: 2, firstBrokenEventId: 'e3' });
  });

  it('finds a re-hashed edit whose successor still points to the old hash', () => {
    const events = buildChain(bodies);
    const body = { type: 'transform', quantity: '8' };
    events[1] = { ...events[1], body, hash: chainHash(events[1].prevHash, body) };
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenEventId: 'e3' });
  });

  it('verifies a later page from the last hash of the previous one', () => {
    const events = buildChain(bodies);
    expect(verifyChain(events.slice(2), events[1].hash)).toEqual({ valid: true, eventsChecked: 2, firstBrokenEventId: null });
    expect(verifyChain(events.slice(2))).toMatchObject({ valid: false, firstBrokenEventId: 'e3' });
  });
});
