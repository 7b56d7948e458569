import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { InspectionParameter } from '@app/traceability';
import { IsSafeText } from './validators.js';

export class InspectionParameterDto implements InspectionParameter {
  @ApiProperty({ example: 'Chlorpyrifos' }) @IsString() @MinLength(1) @MaxLength(100) @IsSafeText() name: string;
  @ApiProperty({ example: '< 0.01' }) @IsString() @MinLength(1) @MaxLength(100) @IsSafeText() value: string;
  @ApiPropertyOptional({ example: 'mg/kg' }) @IsOptional() @IsString() @MaxLength(30) @IsSafeText() unit?: string;
}
