import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '@app/traceability';

/** `?q=&limit=&cursor=` shared by the registry lists; each list adds its `sort` and filters. */
export class ListQueryDto {
  @ApiPropertyOptional({ description: 'Diacritic-insensitive search; every word must match ("dien bien" finds "Điện Biên")', example: 'seng cu' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIST_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (same sort and filters)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}

export const NAME_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;

/** A list page of `item`: `{items, total, nextCursor}`. */
export function PageOf<T>(item: ClassType<T>): ClassType<{ items: T[]; total: number; nextCursor: string | null }> {
  class PageDto {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiProperty({ description: 'Matching records, all pages together' }) total: number;
    @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' }) nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}

/** A decimal given as a JSON number or a decimal string; the service parses it exactly. */
export function IsDecimalLike(): PropertyDecorator {
  return ValidateBy({
    name: 'isDecimalLike',
    validator: {
      validate: (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 40),
      defaultMessage: (args) => `${args?.property} must be a number or a decimal string such as "2.5"`,
    },
  });
}

/** GeoJSON as an object (or its JSON text); the service validates the geometry. */
export function IsGeoJsonLike(): PropertyDecorator {
  return ValidateBy({
    name: 'isGeoJsonLike',
    validator: {
      validate: (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value)) || typeof value === 'string',
      defaultMessage: (args) => `${args?.property} must be a GeoJSON object`,
    },
  });
}

export class ErrorDto {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'GROWING_AREA_STATUS_TRANSITION' }) code: string;
  @ApiProperty({ example: 'status: a growing area cannot go from revoked to active (revoked is final)' }) message: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { field: 'status' } }) details?: Record<string, unknown>;
}

/** Documents the coded error answers a route can give. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  const descriptions: Record<number, string> = {
    400: 'Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field',
    404: 'Not found, or another organization’s',
    409: 'Conflict with an existing record',
    422: 'Breaks a rule: a specific code names the rule and details.field the field',
  };
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, type: ErrorDto, description: descriptions[status] ?? 'Error' })));
}
