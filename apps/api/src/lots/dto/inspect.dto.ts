import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import type { InspectInput } from '@app/traceability';
import { EventDocumentDto } from './event-document.dto.js';
import { EventDocumentsProperty } from './event-documents.property.js';
import { InspectionParameterDto } from './inspection-parameter.dto.js';
import { DATE_TIME } from './schemas.js';
import { IsSafeText } from './validators.js';

export class InspectDto implements InspectInput {
  @ApiProperty({ enum: ['conformant', 'non_conformant'] }) @IsIn(['conformant', 'non_conformant']) result: 'conformant' | 'non_conformant';
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) inspectedAt: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The lab (a partner)' }) @IsOptional() @IsUUID() partnerId?: string;
  @EventDocumentsProperty({ required: true, description: 'The lab report or QC record (at least one)' })
  documents: EventDocumentDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) @IsSafeText() notes?: string;
  @ApiPropertyOptional({ type: InspectionParameterDto, isArray: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => InspectionParameterDto)
  @ArrayMaxSize(100)
  parameters?: InspectionParameterDto[];
}
