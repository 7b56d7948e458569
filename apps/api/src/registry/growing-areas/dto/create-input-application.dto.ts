import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { INPUT_KINDS, type InputApplicationInput, type InputKind } from '@app/traceability';
import { FieldPositionDto } from '../../../common/dto/field-position.dto.js';
import { IsDecimalLike } from '../../common/registry.dto.js';

export class CreateInputApplicationDto implements InputApplicationInput {
  @ApiProperty({ example: '2026-03-15', description: 'Date applied (not in the future)' })
  @IsString()
  @MaxLength(40)
  appliedAt: string;

  @ApiProperty({ enum: INPUT_KINDS, example: 'pesticide' })
  @IsIn(INPUT_KINDS)
  kind: InputKind;

  @ApiProperty({ example: 'Anvil 5SC' })
  @IsString()
  @MaxLength(200)
  productName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hexaconazole' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  activeIngredient?: string | null;

  @ApiPropertyOptional({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], example: '1' })
  @IsOptional()
  @IsDecimalLike()
  dose?: string | number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'l/ha' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  doseUnit?: string | null;

  @ApiProperty({ minimum: 0, maximum: 365, example: 7, description: 'Pre-harvest interval (thời gian cách ly), days' })
  @IsInt()
  @Min(0)
  @Max(365)
  phiDays: number;

  @ApiPropertyOptional({ type: FieldPositionDto, nullable: true, description: 'Where the phone was when it was written; shown to staff only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FieldPositionDto)
  position?: FieldPositionDto | null;
}
