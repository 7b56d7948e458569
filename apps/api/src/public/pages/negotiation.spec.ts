import { describe, expect, it } from '@jest/globals';
import { negotiateLanguage, negotiateRepresentation } from './negotiation.js';

describe('negotiateRepresentation', () => {
  it.each([
    [undefined, 'html'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', 'html'],
    ['*/*', 'html'],
    ['application/ld+json', 'jsonld'],
    ['application/linkset+json', 'linkset'],
    ['application/json', 'linkset'],
    ['text/html;q=0.5, application/ld+json', 'jsonld'],
    ['application/ld+json;q=0.4, application/linkset+json;q=0.9', 'linkset'],
    ['application/ld+json, */*;q=0.1', 'jsonld'],
    ['image/png', 'html'],
  ])('%s → %s', (accept, expected) => {
    expect(negotiateRepresentation(accept)).toBe(expected);
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [null, undefined, 'vi'],
    ['en', 'vi', 'en'],
    ['EN', undefined, 'en'],
    ['vi', 'en-US,en;q=0.9', 'vi'],
    ['fr', 'en-US,en;q=0.9', 'en'],
    [null, 'fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    [null, 'vi-VN,vi;q=0.9,en-US;q=0.8', 'vi'],
    [null, 'de-DE', 'vi'],
  ])('lang=%s, Accept-Language %s → %s', (lang, acceptLanguage, expected) => {
    expect(negotiateLanguage(lang, acceptLanguage)).toBe(expected);
  });
});
