import { ApiProperty } from '@nestjs/swagger';
import { CaptureEventErrorDto } from './capture-event-error.dto.js';

/** A capture job (GS1 EPCIS 2.0 REST binding, `GET /capture/{captureID}`). */
export class CaptureJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) captureID: string;
  @ApiProperty() running: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null while running; false when a rollback capture recorded nothing' }) success: boolean | null;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiProperty({ enum: ['rollback', 'proceed'] }) captureErrorBehaviour: string;
  @ApiProperty() eventCount: number;
  @ApiProperty() processedCount: number;
  @ApiProperty() capturedCount: number;
  @ApiProperty() duplicateCount: number;
  @ApiProperty() refusedCount: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: [CaptureEventErrorDto] }) errors: CaptureEventErrorDto[];
  @ApiProperty({ type: String, nullable: true }) errorCode: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}
