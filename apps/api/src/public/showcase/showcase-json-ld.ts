import { OCOP_GROUPS, type ShowcaseProducer, type ShowcaseProduct } from '@app/traceability';

const CONTEXT = 'https://schema.org';

export const photoPath = (key: string) => `/ocop/photos/${key}`;
export const thumbPath = (key: string) => `/ocop/photos/${key.replace(/\.webp$/, '-t.webp')}`;
export const producerPath = (provinceCode: string, id: string) => `/ocop/${provinceCode}/producers/${id}`;
export const productPath = (id: string) => `/ocop/products/${id}`;
export const cataloguePath = (provinceCode: string) => `/ocop/${provinceCode}`;

function address(producer: Pick<ShowcaseProducer, 'commune' | 'province'>) {
  return {
    '@type': 'PostalAddress',
    ...(producer.commune ? { addressLocality: producer.commune } : {}),
    ...(producer.province ? { addressRegion: producer.province } : {}),
    addressCountry: 'VN',
  };
}

/** schema.org Organization of a producer: only what it made public (contacts it chose, its links). */
export function organizationJsonLd(producer: ShowcaseProducer, base: string, embedded = false): Record<string, unknown> {
  return {
    ...(embedded ? {} : { '@context': CONTEXT }),
    '@type': 'Organization',
    '@id': `${base}${producerPath(producer.provinceCode, producer.id)}#organization`,
    name: producer.name,
    url: `${base}${producerPath(producer.provinceCode, producer.id)}`,
    ...(producer.storyVi && !embedded ? { description: producer.storyVi } : {}),
    ...(producer.photoKeys.length && !embedded ? { image: producer.photoKeys.map((key) => `${base}${photoPath(key)}`) } : {}),
    address: address(producer),
    ...(producer.publicPhone && !embedded ? { telephone: producer.publicPhone } : {}),
    ...(producer.publicEmail && !embedded ? { email: producer.publicEmail } : {}),
    ...(!embedded && (producer.website || producer.links.length) ? { sameAs: [producer.website, ...producer.links.map((l) => l.url)].filter(Boolean) } : {}),
  };
}

/** schema.org Product: name in both languages' page, photo, brand, GTIN, OCOP stars as an award, the producer as manufacturer. */
export function productJsonLd(product: ShowcaseProduct, producer: ShowcaseProducer, base: string): Record<string, unknown> {
  const group = product.ocopGroup ? OCOP_GROUPS.find((g) => g.group === product.ocopGroup) : undefined;
  return {
    '@context': CONTEXT,
    '@type': 'Product',
    '@id': `${base}${productPath(product.id)}#product`,
    name: product.nameVi,
    ...(product.nameEn ? { alternateName: product.nameEn } : {}),
    url: `${base}${productPath(product.id)}`,
    ...(product.description ? { description: product.description } : {}),
    ...(product.photoKey ? { image: `${base}${photoPath(product.photoKey)}` } : {}),
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    ...(product.gtin ? { gtin14: product.gtin } : {}),
    ...(group ? { category: group.vi } : {}),
    ...(product.stars ? { award: `OCOP ${product.stars.level} sao (${product.stars.number}, hiệu lực đến ${product.stars.validUntil})` } : {}),
    manufacturer: organizationJsonLd(producer, base, true),
  };
}

/** The catalogue page as a schema.org ItemList of its products (this page's ones). */
export function catalogueJsonLd(name: string, url: string, products: ShowcaseProduct[], base: string, offset: number): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    '@type': 'ItemList',
    name,
    url,
    numberOfItems: products.length,
    itemListElement: products.map((product, i) => ({ '@type': 'ListItem', position: offset + i + 1, url: `${base}${productPath(product.id)}`, name: product.nameVi })),
  };
}
