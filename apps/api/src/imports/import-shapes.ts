import type { Type } from '@nestjs/common';
import type { ImportKindName, ShapeCheck } from '@app/traceability';
import { normalizeText } from '../common/text-input.pipe.js';
import { createValidationPipe } from '../common/validation.js';
import { CreateFacilityDto } from '../registry/facilities/dto/index.js';
import { CreateCertificationDto } from '../registry/certifications/dto/index.js';
import { CreateGrowingAreaDto, CreateInputApplicationDto } from '../registry/growing-areas/dto/index.js';
import { CreatePartnerDto } from '../registry/partners/dto/index.js';
import { CreateProductDto } from '../registry/products/dto/index.js';

/** The create request of each kind: a row is checked as that request's body is. */
const REQUEST_OF_KIND: Record<ImportKindName, Type<object>> = {
  partners: CreatePartnerDto,
  'growing-areas': CreateGrowingAreaDto,
  products: CreateProductDto,
  facilities: CreateFacilityDto,
  certifications: CreateCertificationDto,
  'input-applications': CreateInputApplicationDto,
};

/** Fields a row carries beside its request body (what the route takes from its path). */
const OUTSIDE_THE_BODY: Partial<Record<ImportKindName, string[]>> = { 'input-applications': ['growingAreaId'] };

const validation = createValidationPipe();

/**
 * A row's request body through the API's own pipes (NFC and NUL check, then the request class's
 * rules), so a bad cell gets the very code and message a bad request field gets.
 */
export function shapeCheckFor(kind: ImportKindName): ShapeCheck {
  return async (input) => {
    const outside = OUTSIDE_THE_BODY[kind] ?? [];
    const body = normalizeText(Object.fromEntries(Object.entries(input).filter(([field]) => !outside.includes(field))), '');
    await validation.transform(body, { type: 'body', metatype: REQUEST_OF_KIND[kind], data: '' });
  };
}
