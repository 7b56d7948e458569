import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ReceiveInput } from '@app/traceability';
import { DATE_TIME } from './schemas.js';

export class ReceiveDto implements ReceiveInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Your product to receive into; default: yours with the same name and unit, else a copy of the sender’s' })
  @IsOptional()
  @IsUUID()
  productId?: string;
  @ApiPropertyOptional({ description: 'Default: the sender’s lot code when you have no lot with it' }) @IsOptional() @IsString() @MaxLength(40) lotCode?: string;
  @ApiPropertyOptional({ ...DATE_TIME, description: 'Default: now' }) @IsOptional() @IsString() @MaxLength(40) receivedAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
}
