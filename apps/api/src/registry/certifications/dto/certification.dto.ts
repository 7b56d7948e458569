import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATION_KINDS, CERTIFICATION_SCOPE_TYPES, CERTIFICATION_STATUSES, ISSUING_LEVELS } from '@app/traceability';
import { PageOf } from '../../common/registry.dto.js';

export class CertificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: CERTIFICATION_KINDS }) kind: string;
  @ApiProperty({ type: Number, nullable: true, description: 'OCOP stars' }) level: number | null;
  @ApiProperty({ enum: ISSUING_LEVELS, nullable: true }) issuingLevel: string | null;
  @ApiProperty() number: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ example: '2025-06-20' }) issuedAt: string;
  @ApiProperty({ type: String, nullable: true, example: '2028-06-20' }) expiresAt: string | null;
  @ApiProperty({ enum: CERTIFICATION_SCOPE_TYPES }) scopeType: string;
  @ApiProperty({ format: 'uuid' }) scopeId: string;
  @ApiProperty({ type: String, nullable: true }) documentUrl: string | null;
  @ApiProperty({ description: 'Valid today: issuedAt ≤ today ≤ expiresAt (Vietnam date)' }) valid: boolean;
  @ApiProperty({ enum: CERTIFICATION_STATUSES }) status: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const CertificationPageDto = PageOf(CertificationDto);
