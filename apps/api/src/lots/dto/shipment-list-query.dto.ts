import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SHIPMENT_STATUSES, type ShipmentListQuery } from '@app/traceability';
import { LotPageQueryDto } from './lot-page-query.dto.js';

export class ShipmentListQueryDto extends LotPageQueryDto implements ShipmentListQuery {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], default: 'outgoing', description: 'incoming: sent to you by organizations on the platform' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES }) @IsOptional() @IsIn([...SHIPMENT_STATUSES]) status?: (typeof SHIPMENT_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() lotId?: string;
}
