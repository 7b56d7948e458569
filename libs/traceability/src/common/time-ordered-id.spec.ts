import { describe, expect, it } from '@jest/globals';
import { timeOrderedUuid } from './time-ordered-id.js';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID (RFC 9562) that carries its millisecond time', () => {
    const at = Date.parse('2026-11-29T08:00:00.123Z');
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time, and ids of the same millisecond differ', () => {
    const ids = [1, 2, 3, 1000, 1_000_000].map((offset) => timeOrderedUuid(Date.parse('2026-01-01T00:00:00Z') + offset));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(42)));
    expect(same.size).toBe(1000);
  });
});
