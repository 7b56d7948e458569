import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { EventDocument } from '@app/traceability';
import { IsSafeText } from './validators.js';

export class EventDocumentDto implements EventDocument {
  @ApiProperty({ example: 'invoice', description: 'invoice, delivery_note, purchase_order, test_result, certificate… or a CBV code' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsSafeText()
  type: string;

  @ApiProperty({ example: 'HĐ 0012/2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsSafeText()
  number: string;
}
