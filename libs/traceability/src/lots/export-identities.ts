import { gtinLotIdentifier, locationIdentifier, partyIdentifier, type CompanyPrefixPolicy } from '../exports/epc-identifiers.js';
import type { ExportFacility, ExportOrganization, ExportPartner } from './exports.repository.js';

/**
 * How the exports name lots, places, parties and documents (see epc-identifiers.ts for the GS1 keys).
 * Everything with a GS1 key is named by it; what has none keeps a URL of this deployment:
 *
 * - a lot of a product without a GTIN: its short URL `{PUBLIC_BASE_URL}/l/{shortCode}`, the URL on its
 *   QR label, which opens the lot's page: no GS1 scheme identifies a lot without a GTIN, and this one
 *   is unique, stable and what a scan of the pack yields;
 * - a facility or organization without a GLN, a growing area (no GS1 key applies): `{PUBLIC_BASE_URL}/facilities/{id}`…;
 * - a partner without a GLN that is an organization on this platform: that organization's identifier,
 *   so the sender's destination and the receiver's own party are the same IRI.
 */
export class ExportIdentities {
  constructor(
    private readonly baseUrl: string,
    private readonly defaultCompanyPrefixLength: number | undefined,
    private readonly namespace: string,
  ) {}

  policy(owner: Pick<ExportOrganization, 'gs1CompanyPrefix'> | null | undefined): CompanyPrefixPolicy {
    return { companyPrefix: owner?.gs1CompanyPrefix ?? null, defaultLength: this.defaultCompanyPrefixLength ?? null };
  }

  /** A lot of `owner`, as its epcClass. */
  lot(lot: { gtin: string | null; code: string; shortCode: string }, owner: Pick<ExportOrganization, 'gs1CompanyPrefix'> | null | undefined): string {
    return lot.gtin ? gtinLotIdentifier(lot.gtin, lot.code, this.policy(owner)) : `${this.baseUrl}/l/${lot.shortCode}`;
  }

  organizationParty(organization: ExportOrganization): string {
    return organization.gln ? partyIdentifier(organization.gln, this.policy(organization)) : `${this.baseUrl}/organizations/${organization.id}`;
  }

  /** The organization's own place, when it has a GLN (events recorded at no facility or growing area). */
  organizationLocation(organization: ExportOrganization): string | undefined {
    return organization.gln ? locationIdentifier(organization.gln, this.policy(organization)) : undefined;
  }

  facility(facility: ExportFacility, owner: ExportOrganization): string {
    return facility.gln ? locationIdentifier(facility.gln, this.policy(owner)) : `${this.baseUrl}/facilities/${facility.id}`;
  }

  growingArea(id: string): string {
    return `${this.baseUrl}/growing-areas/${id}`;
  }

  partnerParty(partner: ExportPartner, linked: ExportOrganization | undefined): string {
    if (partner.gln) return partyIdentifier(partner.gln, this.policy(linked));
    if (linked) return this.organizationParty(linked);
    return `${this.baseUrl}/partners/${partner.id}`;
  }

  /**
   * The business transaction id of a document `issuer` issued: CBV's `urn:epcglobal:cbv:bt:{GLN}:{number}`
   * when the issuer has a GLN, else under our namespace, scoped by the issuer (document numbers are
   * unique per issuer only). The sender's shipping and the receiver's receiving events name a
   * delivery's documents alike.
   */
  documentId(document: { type: string; number: string }, issuer: ExportOrganization): string | undefined {
    const number = document.number.trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(number)) return undefined; // already a URI: used as it is
    if (issuer.gln) return `urn:epcglobal:cbv:bt:${issuer.gln}:${encodeURIComponent(number)}`;
    const type = document.type.trim().toLowerCase().replace(/[\s-]+/g, '_');
    return `${this.namespace}bt:${issuer.id}:${encodeURIComponent(type)}:${encodeURIComponent(number)}`;
  }
}
