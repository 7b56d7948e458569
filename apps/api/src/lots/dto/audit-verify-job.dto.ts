import { ApiProperty } from '@nestjs/swagger';
import { AuditVerifyDto } from './audit-verify.dto.js';

/** A chain verification run by the worker. */
export class AuditVerifyJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiProperty() eventsChecked: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The chain’s length when the job started' }) eventsTotal: number | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: AuditVerifyDto, nullable: true }) result: AuditVerifyDto | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage: string | null;
  @ApiProperty() requestedAt: string;
}
