import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { TransformInputLine } from '@app/traceability';
import { QuantityLineDto } from './quantity-line.dto.js';

export class TransformInputLineDto extends QuantityLineDto implements TransformInputLine {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lotId: string;
}
