import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { NET_CONTENT_UNITS, OCOP_GROUPS, UNITS, type NetContentUnit, type Unit } from '@app/traceability';
import { IsDecimalLike, ListQueryDto, NAME_SORTS, PageOf } from '../common/registry.dto.js';

const OCOP_GROUP_DESCRIPTION = `OCOP product group (Decision 148/QĐ-TTg): ${OCOP_GROUPS.map((g) => `${g.group} ${g.vi}`).join('; ')}`;

export class CreateProductDto {
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

export class UpdateProductDto extends PartialType(CreateProductDto) {}

export class ProductListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: NAME_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(NAME_SORTS)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6)
  ocopGroup?: number;
}

export class ProductDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() nameVi: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ type: Number, nullable: true, description: OCOP_GROUP_DESCRIPTION }) ocopGroup: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'GTIN-14' }) gtin: string | null;
  @ApiProperty({ enum: UNITS }) unit: string;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal string' }) netContent: string | null;
  @ApiProperty({ enum: NET_CONTENT_UNITS, nullable: true }) netContentUnit: string | null;
  @ApiProperty({ type: Number, nullable: true }) shelfLifeDays: number | null;
  @ApiProperty({ type: String, nullable: true }) brand: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl: string | null;
  @ApiProperty({ type: [String] }) standards: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Stars of the OCOP certification valid today' }) ocopStars: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const ProductPageDto = PageOf(ProductDto);
