import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { NET_CONTENT_UNITS, type NetContentUnit, type ProductInput, type Unit, UNITS } from '@app/traceability';
import { IsDecimalLike } from '../../common/registry.dto.js';
import { OCOP_GROUP_DESCRIPTION } from './schemas.js';

export class CreateProductDto implements ProductInput {
  @ApiProperty({ example: 'Gạo nếp Séng Cù Điện Biên' })
  @IsString()
  @MaxLength(200)
  nameVi: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Dien Bien Seng Cu sticky rice' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 6, description: OCOP_GROUP_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  ocopGroup?: number | null;

  @ApiPropertyOptional({ type: String,
    nullable: true,
    example: '8936049120016',
    description: 'GTIN-8, -12, -13 or -14 (spaces allowed); stored as 14 digits; check digit verified; unique across the platform',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  gtin?: string | null;

  @ApiProperty({ enum: UNITS, example: 'kg', description: 'Default unit of this product’s lots' })
  @IsIn(UNITS)
  unit: Unit;

  @ApiPropertyOptional({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], example: '2', description: 'Net content of one piece or pack (> 0)' })
  @IsOptional()
  @IsDecimalLike()
  netContent?: string | number | null;

  @ApiPropertyOptional({ nullable: true, enum: NET_CONTENT_UNITS, example: 'kg' })
  @IsOptional()
  @IsIn(NET_CONTENT_UNITS)
  netContentUnit?: NetContentUnit | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, example: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36500)
  shelfLifeDays?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Séng Cù Mường Thanh' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  brand?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://example.vn/seng-cu.jpg' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  imageUrl?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, example: ['TCVN 11888:2017', 'VietGAP'], description: 'Standards and regulations applied' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  standards?: string[] | null;
}
