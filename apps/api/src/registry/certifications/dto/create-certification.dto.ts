import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { CERTIFICATION_KINDS, CERTIFICATION_SCOPE_TYPES, type CertificationInput, type CertificationKind, type CertificationScopeType, ISSUING_LEVELS, type IssuingLevel } from '@app/traceability';

export class CreateCertificationDto implements CertificationInput {
  @ApiProperty({ enum: CERTIFICATION_KINDS, example: 'ocop' })
  @IsIn(CERTIFICATION_KINDS)
  kind: CertificationKind;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 4, description: 'OCOP stars, 3 to 5 (required for OCOP; only OCOP has a level)' })
  @IsOptional()
  @IsInt()
  level?: number | null;

  @ApiPropertyOptional({ enum: ISSUING_LEVELS, nullable: true, description: 'OCOP default: central for 5★, provincial for 3–4★' })
  @IsOptional()
  @IsIn(ISSUING_LEVELS)
  issuingLevel?: IssuingLevel | null;

  @ApiProperty({ example: '1234/QĐ-UBND', description: 'Certificate or decision number' })
  @IsString()
  @MaxLength(200)
  number: string;

  @ApiProperty({ example: 'UBND tỉnh Điện Biên' })
  @IsString()
  @MaxLength(300)
  issuer: string;

  @ApiProperty({ example: '2025-06-20', description: 'Date (a date-time counts by its local date)' })
  @IsString()
  @MaxLength(40)
  issuedAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2028-06-20', description: 'OCOP default: 36 months after issue; others: no expiry' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  expiresAt?: string | null;

  @ApiProperty({ enum: CERTIFICATION_SCOPE_TYPES, example: 'product' })
  @IsIn(CERTIFICATION_SCOPE_TYPES)
  scopeType: CertificationScopeType;

  @ApiProperty({ format: 'uuid', description: 'The product, growing area or facility of your organization, or your organization id' })
  @IsUUID()
  scopeId: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://ocop.example.vn/qd-1234.pdf' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  documentUrl?: string | null;
}
