import { ApiProperty } from '@nestjs/swagger';

export class ProgrammeAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-12-03' }) day: string;
  @ApiProperty({ enum: ['certificate_expiring', 'certificate_expired', 'area_withdrawn_with_stock', 'copied_label', 'recall_not_acknowledged'] }) kind: string;
  @ApiProperty({ enum: ['warning', 'critical'], description: 'critical: a certificate within 30 days or expired, a withdrawn area with stock, an unacknowledged recall' }) severity: string;
  @ApiProperty({ format: 'uuid', description: 'The overseen cooperative it concerns' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the alert is about: the product and expiry, the area and lots on sale, the lot and serial, or the recall and its receiver' })
  details: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the alert was mailed to the office (null: not mailed, e.g. SMTP not configured)' })
  emailedAt: string | null;
}
