import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';

export class EpcisQueryDto {
  @ApiPropertyOptional({ description: 'Lot URIs (Digital Link or short URL), comma-separated or repeated', type: String })
  @IsOptional()
  @ValidateBy({ name: 'isStringOrStrings', validator: { validate: (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 100 && v.every((s) => typeof s === 'string')) } })
  MATCH_anyEPCClass?: string | string[];
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' }) @IsOptional() @IsString() @MaxLength(40) GE_eventTime?: string;
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' }) @IsOptional() @IsString() @MaxLength(40) LT_eventTime?: string;
  @ApiPropertyOptional({ example: 'shipping', description: 'Bare CBV step or its URN/URI form, comma-separated or repeated', type: String })
  @IsOptional()
  @ValidateBy({ name: 'isStringOrStrings', validator: { validate: (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 20 && v.every((s) => typeof s === 'string')) } })
  EQ_bizStep?: string | string[];
  @ApiPropertyOptional({ example: 'ObjectEvent', type: String })
  @IsOptional()
  @ValidateBy({ name: 'isStringOrStrings', validator: { validate: (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 5 && v.every((s) => typeof s === 'string')) } })
  eventType?: string | string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) perPage?: number;
  @ApiPropertyOptional({ description: 'From the Link rel="next" header of the previous page' }) @IsOptional() @IsString() @MaxLength(200) nextPageToken?: string;
}
