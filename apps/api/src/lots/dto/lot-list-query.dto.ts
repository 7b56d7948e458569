import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LOT_KINDS, LOT_STATUSES, type LotListQuery } from '@app/traceability';
import { LotPageQueryDto } from './lot-page-query.dto.js';

export class LotListQueryDto extends LotPageQueryDto implements LotListQuery {
  @ApiPropertyOptional({ description: 'Part of a lot code, any case', example: '2026-0001' }) @IsOptional() @IsString() @MaxLength(40) search?: string;
  @ApiPropertyOptional({ description: 'The same as `search`, under the name every registry list uses (the console sends `q`); `search` wins when both are given', example: '2026-0001' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;
  @ApiPropertyOptional({ enum: LOT_STATUSES }) @IsOptional() @IsIn([...LOT_STATUSES]) status?: (typeof LOT_STATUSES)[number];
  @ApiPropertyOptional({ enum: LOT_KINDS }) @IsOptional() @IsIn([...LOT_KINDS]) kind?: (typeof LOT_KINDS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() growingAreaId?: string;
}
