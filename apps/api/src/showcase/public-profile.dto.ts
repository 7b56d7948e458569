import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif'];

export class PublicLinkDto {
  @ApiProperty({ example: 'Gian hàng trên Shopee' }) @IsString() @MaxLength(80) label: string;
  @ApiProperty({ example: 'https://shopee.vn/htx-tra-shan-tuyet' }) @IsString() @MaxLength(500) url: string;
}

/** Each field optional: absent leaves it as is, null clears it. Nothing here is public until `listed` is true. */
export class UpdatePublicProfileDto {
  @ApiPropertyOptional({ description: 'Appear in the province’s OCOP catalogue (off by default)', example: true }) @IsOptional() @IsBoolean() listed?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hợp tác xã trồng chè Shan tuyết cổ thụ trên núi Tủa Chùa…' }) @IsOptional() @IsString() @MaxLength(4000) storyVi?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(4000) storyEn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '0912 345 678', description: 'Shown to the public: the shop’s or homestay’s number, not a member’s' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  publicPhone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'lienhe@htx.vn' }) @IsOptional() @IsString() @MaxLength(200) publicEmail?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://htx.vn' }) @IsOptional() @IsString() @MaxLength(500) website?: string | null;
  @ApiPropertyOptional({ type: PublicLinkDto, isArray: true, nullable: true, description: 'Where to buy: shop pages, social pages (8 at most)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PublicLinkDto)
  links?: PublicLinkDto[] | null;
  @ApiPropertyOptional({ description: 'A village or homestay that welcomes visitors (community tourism)', example: false }) @IsOptional() @IsBoolean() welcomesVisitors?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Mở cửa 8:00–17:00, đặt trước qua điện thoại.' }) @IsOptional() @IsString() @MaxLength(2000) visitInfoVi?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) visitInfoEn?: string | null;
}

export class PhotoDto {
  @ApiProperty({ example: `${'a'.repeat(64)}.webp` }) key: string;
  @ApiProperty({ description: 'The web size (≤ 30 KB), public' }) url: string;
  @ApiProperty({ description: 'The thumbnail (≤ 8 KB), public' }) thumbUrl: string;
}

export class ProfileProductDto {
  @ApiProperty() id: string;
  @ApiProperty() nameVi: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) ocopGroup: number | null;
  @ApiPropertyOptional({ type: PhotoDto, nullable: true }) photo: PhotoDto | null;
}

export class PublicProfileDto {
  @ApiProperty() listed: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) storyVi: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) storyEn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publicPhone: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publicEmail: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: PublicLinkDto, isArray: true }) links: PublicLinkDto[];
  @ApiProperty() welcomesVisitors: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) visitInfoVi: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) visitInfoEn: string | null;
  @ApiProperty({ type: PhotoDto, isArray: true }) photos: PhotoDto[];
  @ApiProperty({ type: ProfileProductDto, isArray: true }) products: ProfileProductDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The producer page, once listed and overseen by the province’s programme office' }) pageUrl: string | null;
}

export class ProductPhotoDto {
  @ApiProperty() productId: string;
  @ApiPropertyOptional({ type: PhotoDto, nullable: true }) photo: PhotoDto | null;
}

export class CreatePosterDto {
  @ApiProperty({ enum: ['a4', 'a5'], example: 'a4' }) @IsIn(['a4', 'a5']) size: 'a4' | 'a5';
  @ApiPropertyOptional({ enum: ['vi', 'en'], example: 'vi' }) @IsOptional() @IsIn(['vi', 'en']) lang?: 'vi' | 'en';
}

export class PosterDto {
  @ApiProperty({ example: `a4-vi-${'0'.repeat(24)}` }) id: string;
  @ApiProperty({ enum: ['queued', 'done', 'failed'] }) status: string;
  @ApiProperty({ enum: ['a4', 'a5'] }) size: string;
  @ApiProperty({ enum: ['vi', 'en'] }) lang: string;
  @ApiProperty({ description: 'GET it once done (application/pdf)' }) pdfPath: string;
}
