import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { TransformInput } from '@app/traceability';
import { EventDocumentDto } from './event-document.dto.js';
import { EventDocumentsProperty } from './event-documents.property.js';
import { DATE_TIME } from './schemas.js';
import { TransformInputLineDto } from './transform-input-line.dto.js';
import { TransformOutputLineDto } from './transform-output-line.dto.js';
import { IsSafeText } from './validators.js';

export class TransformDto implements TransformInput {
  @ApiProperty({ type: TransformInputLineDto, isArray: true, description: 'Lots used and how much of each (mass balance is checked)' })
  @ValidateNested({ each: true })
  @Type(() => TransformInputLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  inputs: TransformInputLineDto[];

  @ApiProperty({ type: TransformOutputLineDto, isArray: true, description: 'Lots made' })
  @ValidateNested({ each: true })
  @Type(() => TransformOutputLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  outputs: TransformOutputLineDto[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) occurredAt: string;
  @ApiProperty({ example: 'milling', description: 'drying, milling, roasting, merging, packing…' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsSafeText()
  process: string;
  @EventDocumentsProperty()
  documents?: EventDocumentDto[];
}
