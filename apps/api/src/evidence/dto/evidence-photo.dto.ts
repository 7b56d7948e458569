import { ApiProperty } from '@nestjs/swagger';

/** A photo taken as evidence of a growing area or a harvest lot; its image is read through `imageUrl` (staff only). */
export class EvidencePhotoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) growingAreaId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) lotId: string | null;
  @ApiProperty({ example: 1280, description: 'Width of the stored WebP, px (at most 1280)' }) width: number;
  @ApiProperty({ example: 960 }) height: number;
  @ApiProperty({ example: 154_000, description: 'Size of the stored WebP (≤ 200 KB), bytes' }) sizeBytes: number;
  @ApiProperty({ type: String, nullable: true, example: 'Cột mốc góc đông bắc' }) caption: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) uploadedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ example: '/api/v1/growing-areas/…/photos/…/image', description: 'The WebP (authenticated); `?size=thumb` for the 192 px thumbnail' }) imageUrl: string;
}

export class EvidencePhotoListDto {
  @ApiProperty({ type: EvidencePhotoDto, isArray: true }) items: EvidencePhotoDto[];
}
