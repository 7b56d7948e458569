import type { Type } from '@nestjs/common';
import type { ImportKindName, ShapeCheck } from '@app/traceability';
import { normalizeText } from '../common/text-input.pipe.js';
import { createValidationPipe } from '../common/validation.js';
import { CreateFacilityDto } from '../registry/facilities/facilities.dto.js';
import { CreateGrowingAreaDto } from '../registry/growing-areas/growing-areas.dto.js';
import { CreatePartnerDto } from '../registry/partners/partners.dto.js';
import { CreateProductDto } from '../registry/products/products.dto.js';

/** The create request of each kind: a row is checked as that request's body is. */
const REQUEST_OF_KIND: Record<ImportKindName, Type<object>> = {
  partners: CreatePartnerDto,
  'growing-areas': CreateGrowingAreaDto,
  products: CreateProductDto,
  facilities: CreateFacilityDto,
};

const validation = createValidationPipe();

/**
 * A row's request body through the API's own pipes (NFC and NUL check, then the request class's
 * rules), so a bad cell gets the very code and message a bad request field gets.
 */
export function shapeCheckFor(kind: ImportKindName): ShapeCheck {
  return async (input) => {
    const body = normalizeText(input, '');
    await validation.transform(body, { type: 'body', metatype: REQUEST_OF_KIND[kind], data: '' });
  };
}
