import { ApiProperty } from '@nestjs/swagger';
import { NET_CONTENT_UNITS, UNITS } from '@app/traceability';
import { PageOf } from '../../common/registry.dto.js';
import { OCOP_GROUP_DESCRIPTION } from './schemas.js';

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
