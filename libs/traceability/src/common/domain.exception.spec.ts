import { describe, expect, it } from '@jest/globals';
import { DomainException, NOT_FOUND_CODES, notFound, ResourceNotFoundException } from './domain.exception.js';

describe('notFound', () => {
  it('answers 404 with the code of the resource and one details shape', () => {
    const error = notFound('Lot', 'b6f0d7c2-1d0e-4a55-9a55-0d5f2b1e7a11');
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ code: 'LOT_NOT_FOUND', kind: 'not_found', details: { id: 'b6f0d7c2-1d0e-4a55-9a55-0d5f2b1e7a11' } });
    expect(error.message).toBe('Lot not found: b6f0d7c2-1d0e-4a55-9a55-0d5f2b1e7a11');
  });

  it('names the request field when the id came in the body', () => {
    const error = notFound('Lot', 'x-1', 'lotId');
    expect(error.details).toEqual({ field: 'lotId', id: 'x-1' });
    expect(error.message).toBe('lotId: Lot not found: x-1');
  });

  it('carries no details when nothing identifies what was looked for', () => {
    expect(notFound('Product').details).toBeUndefined();
  });

  it('has a distinct code for every resource', () => {
    const codes = Object.values(NOT_FOUND_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [resource, code] of Object.entries(NOT_FOUND_CODES)) expect(notFound(resource as keyof typeof NOT_FOUND_CODES).code).toBe(code);
  });
});
