import { describe, expect, it } from '@jest/globals';
import { DomainException } from '@app/traceability';
import { normalizeText, TextInputPipe } from './text-input.pipe.js';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error as DomainException;
  }
  throw new Error('expected a refusal');
};

describe('TextInputPipe', () => {
  const pipe = new TextInputPipe();

  it('composes NFD text to NFC everywhere in a body, keys untouched', () => {
    const body = { name: 'Đi\u0065\u0323\u0302n Bi\u0065\u0302n', parts: [{ note: 'Ca\u0300 phe\u0302' }], count: 3 };
    expect(pipe.transform(body, { type: 'body' })).toEqual({ name: 'Điện Biên', parts: [{ note: 'Cà phê' }], count: 3 });
  });

  it('refuses a NUL anywhere, naming the field by its path', () => {
    const error = refusal(() => pipe.transform({ outputs: [{ productId: 'x' }, { lotCode: 'A\u0000B' }] }, { type: 'body' }));
    expect(error).toBeInstanceOf(DomainException);
    expect(error.code).toBe('TEXT_INVALID_CHARACTER');
    expect(error.kind).toBe('bad_request');
    expect(error.details).toEqual({ field: 'outputs[1].lotCode' });
    expect(error.message).toMatch(/^outputs\[1\]\.lotCode: /);
  });

  it('refuses a NUL in a key, in a query string value and in a path parameter', () => {
    expect(refusal(() => normalizeText({ details: { 'a\u0000': 1 } }, '')).details).toEqual({ field: 'details.a\u0000' });
    const query = Object.assign(Object.create(null), { q: 'dien\u0000bien' });
    expect(refusal(() => pipe.transform(query, { type: 'query' })).details).toEqual({ field: 'q' });
    expect(refusal(() => pipe.transform('\u0000', { type: 'param', data: 'crop' })).details).toEqual({ field: 'crop' });
    expect(refusal(() => pipe.transform('\u0000', { type: 'body' })).details).toEqual({ field: 'body' });
  });

  it('leaves custom parameters (the caller) alone', () => {
    const caller = { organizationId: 'x\u0000' };
    expect(pipe.transform(caller, { type: 'custom' })).toBe(caller);
  });
});
