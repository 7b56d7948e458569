import { ApiProperty } from '@nestjs/swagger';
import { GROWING_AREA_STATUSES } from '@app/traceability';

export class StatusChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GROWING_AREA_STATUSES, nullable: true, description: 'null for the registration' }) fromStatus: string | null;
  @ApiProperty({ enum: GROWING_AREA_STATUSES }) toStatus: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'User; null when made with an API key' }) changedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) changedByName: string | null;
  @ApiProperty({ description: 'When the change was recorded' }) changedAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'When it took effect, if back-dated; null: at changedAt' }) effectiveAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) evidenceReference: string | null;
}
