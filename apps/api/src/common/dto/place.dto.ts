import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { PlaceInput } from '@app/traceability';
import { CommuneCodeField, ProvinceCodeField } from '../place-fields.js';

/** Where a registry record is, as every request body that places one sends it: texts, the official codes beside them, the street address. */
export class PlaceDto implements PlaceInput {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thanh Xương' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commune?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  province?: string | null;

  @ProvinceCodeField() provinceCode?: string | null;

  @CommuneCodeField() communeCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bản Co Mỵ, xã Thanh Xương, huyện Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}
