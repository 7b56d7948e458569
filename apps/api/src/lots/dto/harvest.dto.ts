import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import type { HarvestInput } from '@app/traceability';
import { FieldPositionDto } from '../../common/dto/field-position.dto.js';
import { EventDocumentDto } from './event-document.dto.js';
import { EventDocumentsProperty } from './event-documents.property.js';
import { QuantityLineDto } from './quantity-line.dto.js';
import { DATE_TIME } from './schemas.js';
import { IsSafeText } from './validators.js';

export class HarvestDto extends QuantityLineDto implements HarvestInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() growingAreaId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId: string;
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) harvestedAt: string;
  @ApiPropertyOptional({ example: 'DB-2026-000123', description: 'GS1 AI (10): ≤ 20 characters, no diacritics or spaces; generated when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  lotCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The member household (partner of kind member_household) who harvested' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({ example: 'Lúa nếp vụ mùa ruộng Co Mỵ' }) @IsOptional() @IsString() @MaxLength(200) @IsSafeText() displayName?: string;
  @ApiPropertyOptional({ description: 'Accept a season total above area × max yield; needs yieldWarningReason' })
  @IsOptional()
  @IsBoolean()
  acknowledgeYieldWarning?: boolean;
  @ApiPropertyOptional({ example: 'Giống mới năng suất cao, đã được phòng NN xác nhận' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsSafeText()
  yieldWarningReason?: string;
  @EventDocumentsProperty({ description: 'Reference documents (field tag, harvest log…): FSMA 204 asks for their type and number' })
  documents?: EventDocumentDto[];
  @ApiPropertyOptional({ type: FieldPositionDto, nullable: true, description: 'Where the phone was when the harvest was written; kept in the event (covered by its hash), shown to staff only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FieldPositionDto)
  position?: FieldPositionDto | null;
}
