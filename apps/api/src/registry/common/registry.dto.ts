import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '@app/traceability';

/**
 * `?total=true`: count every match into the page's `total`. Without it a list does not count (the
 * count grows with the organization): `total` is the first page's length when it holds the whole
 * list, and null otherwise.
 */
export function ListTotalProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: Boolean,
      default: false,
      description:
        'Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise.',
    }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}

/** `?q=&limit=&cursor=&total=` shared by the registry lists; each list adds its `sort` and filters. */
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

  @ListTotalProperty()
  total?: boolean;
}

export const NAME_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;

/** A list page of `item`: `{items, total, nextCursor}`. */
export function PageOf<T>(item: ClassType<T>): ClassType<{ items: T[]; total: number | null; nextCursor: string | null }> {
  class PageDto {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiProperty({
      type: Number,
      nullable: true,
      description: 'Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null',
    })
    total: number | null;
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
