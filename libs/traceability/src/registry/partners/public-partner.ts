import type { PartnerKind } from './partner.entity.js';

/** What anyone outside the partner's organization may see (the public lot page): docs/rules.md#public-pages-expose-only-public-data. */
export interface PublicPartner {
  name: string;
  kind: PartnerKind;
  commune: string | null;
  province: string | null;
}

/** Strips everything private (phone, citizen id, tax code, notes, address, ids) from a partner. */
export function toPublicPartner(partner: { name: string; kind: PartnerKind; commune: string | null; province: string | null }): PublicPartner {
  return { name: partner.name, kind: partner.kind, commune: partner.commune ?? null, province: partner.province ?? null };
}
