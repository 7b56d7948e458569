import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import type { ShipInput } from '@app/traceability';
import { EventDocumentDto } from './event-document.dto.js';
import { EventDocumentsProperty } from './event-documents.property.js';
import { QuantityLineDto } from './quantity-line.dto.js';
import { DATE_TIME } from './schemas.js';

export class ShipDto extends QuantityLineDto implements ShipInput {
  @ApiProperty({ format: 'uuid', description: 'The partner shipped to; when it is linked to an organization on the platform, that organization can receive it' })
  @IsUUID()
  partnerId: string;
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) shippedAt: string;
  @EventDocumentsProperty()
  documents?: EventDocumentDto[];
}
