import { isUnit, toLocalDate, UNECE_UNIT_CODES, type LotPublicView, type ProductPublicView, type PublicCertification, type PublicOrganization, type PublicProduct } from '@app/traceability';

const CONTEXT = { '@vocab': 'https://schema.org/', gs1: 'https://gs1.org/voc/' };

const CERTIFICATION_NAMES: Record<string, string> = {
  ocop: 'OCOP',
  vietgap: 'VietGAP',
  globalgap: 'GlobalG.A.P.',
  organic: 'Organic',
  haccp: 'HACCP',
  other: 'Certification',
};

function names(product: PublicProduct) {
  return [{ '@value': product.nameVi, '@language': 'vi' }, ...(product.nameEn ? [{ '@value': product.nameEn, '@language': 'en' }] : [])];
}

function organization(org: PublicOrganization) {
  return {
    '@type': 'Organization',
    name: org.name,
    address: {
      '@type': 'PostalAddress',
      ...(org.address ? { streetAddress: org.address } : {}),
      ...(org.commune ? { addressLocality: org.commune } : {}),
      ...(org.province ? { addressRegion: org.province } : {}),
      addressCountry: 'VN',
    },
  };
}

function certification(cert: PublicCertification) {
  return {
    '@type': 'Certification',
    name: cert.kind === 'ocop' && cert.level ? `OCOP ${cert.level}★` : CERTIFICATION_NAMES[cert.kind] ?? cert.kind,
    certificationIdentification: cert.number,
    issuedBy: { '@type': 'Organization', name: cert.issuer },
    validFrom: cert.issuedAt,
    ...(cert.validUntil ? { expires: cert.validUntil } : {}),
    ...(cert.kind === 'ocop' && cert.level ? { certificationRating: { '@type': 'Rating', ratingValue: cert.level, bestRating: 5, worstRating: 3 } } : {}),
    about: { '@type': 'Thing', name: cert.scopeName, additionalType: cert.scopeType },
  };
}

const property = (propertyID: string, value: unknown) => ({ '@type': 'PropertyValue', propertyID, value });

/**
 * schema.org JSON-LD of a lot: `SomeProducts` (a quantity of one product) with its origin, lot
 * number, dates, certifications and recall status. Both languages in one document (language-tagged).
 */
export function lotJsonLd(view: LotPublicView): Record<string, unknown> {
  const { lot, product } = view;
  const harvestDates = [...new Set(view.origins.map((o) => toLocalDate(o.harvestedAt, o.harvestedAtOffset)))].sort();
  const areas = view.origins.map((o) => o.growingArea).filter((a): a is NonNullable<typeof a> => a !== null);
  const additional = [
    property('gs1:lotNumber', lot.code),
    property('traceCode', lot.shortCode),
    ...harvestDates.map((date) => property('harvestDate', date)),
    ...(lot.expiresAt ? [property('gs1:expirationDate', lot.expiresAt)] : []),
    ...(product.shelfLifeDays ? [property('shelfLifeDays', product.shelfLifeDays)] : []),
    ...areas.map((area) => property('growingAreaCode', area.code)),
    ...[...new Set(areas.map((a) => a.crop))].map((crop) => property('crop', crop)),
    ...[...new Set(areas.map((a) => a.variety).filter(Boolean))].map((variety) => property('variety', variety)),
    ...view.standards.map((standard) => property('standardApplied', standard)),
    property('recallStatus', lot.status === 'recalled' ? 'recalled' : 'not_recalled'),
    property('hashChainVerified', view.chain.valid),
  ];
  const places = [...new Map(areas.map((a) => [`${a.commune}|${a.province}`, a])).values()].map((a) => ({
    '@type': 'Place',
    name: a.name,
    address: { '@type': 'PostalAddress', ...(a.commune ? { addressLocality: a.commune } : {}), addressRegion: a.province, addressCountry: 'VN' },
    ...(a.point ? { geo: { '@type': 'GeoCoordinates', latitude: a.point.lat, longitude: a.point.lon } } : {}),
  }));
  return {
    '@context': CONTEXT,
    '@type': 'SomeProducts',
    '@id': view.uri,
    url: view.uri,
    name: names(product),
    ...(product.description ? { description: product.description } : {}),
    ...(product.imageUrl ? { image: product.imageUrl } : {}),
    ...(product.gtin ? { gtin: product.gtin } : {}),
    sku: lot.code,
    identifier: lot.code,
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    manufacturer: organization(view.producer),
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    productionDate: toLocalDate(lot.producedAt, lot.producedAtOffset),
    inventoryLevel: { '@type': 'QuantitativeValue', value: Number(lot.quantity), unitCode: isUnit(lot.unit) ? UNECE_UNIT_CODES[lot.unit] : lot.unit },
    ...(places.length ? { 'gs1:productionPlace': places } : {}),
    hasCertification: view.certifications.map(certification),
    additionalProperty: additional,
    ...(lot.status === 'recalled'
      ? { 'gs1:recallStatus': { recalled: true, reason: lot.recallReason, at: lot.recalledAt?.toISOString() ?? null } }
      : {}),
  };
}

export function productJsonLd(view: ProductPublicView): Record<string, unknown> {
  const { product } = view;
  return {
    '@context': CONTEXT,
    '@type': 'Product',
    '@id': view.uri,
    url: view.uri,
    name: names(product),
    ...(product.description ? { description: product.description } : {}),
    ...(product.imageUrl ? { image: product.imageUrl } : {}),
    ...(product.gtin ? { gtin: product.gtin } : {}),
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    manufacturer: organization(view.producer),
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    hasCertification: view.certifications.map(certification),
    additionalProperty: product.standards.map((standard) => property('standardApplied', standard)),
  };
}
