import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** An official province code (since 1 July 2025) in a request body: two digits, from GET /api/v1/admin-units/provinces. */
export const ProvinceCodeField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '11', description: 'Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`' }),
    IsOptional(),
    Matches(/^\d{2}$/, { message: 'provinceCode must be two digits (GET /api/v1/admin-units/provinces)' }),
  );

/** An official commune code: five digits, from GET /api/v1/admin-units/provinces/{code}/communes. */
export const CommuneCodeField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '03334', description: 'Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`' }),
    IsOptional(),
    Matches(/^\d{5}$/, { message: 'communeCode must be five digits (GET /api/v1/admin-units/provinces/{code}/communes)' }),
  );

/** The codes beside the texts in an answer. */
export const ProvinceCodeProperty = () => ApiProperty({ type: String, nullable: true, description: 'Official province code; null when the text matches no province' });
export const CommuneCodeProperty = () => ApiProperty({ type: String, nullable: true, description: 'Official commune code; null when the text matches no commune' });
