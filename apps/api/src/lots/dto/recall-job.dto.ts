import { ApiProperty } from '@nestjs/swagger';
import { RecallResultDto } from './recall-result.dto.js';

/** A recall run by the worker. */
export class RecallJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ description: 'Lots marked recalled so far (every organization)' }) lotsMarked: number;
  @ApiProperty({ description: 'Lots of this organization the recall reaches, counted when asked' }) lotsReachable: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: RecallResultDto, nullable: true, description: 'When done: what POST /api/v1/recalls answers' }) result: RecallResultDto | null;
  @ApiProperty({ type: String, nullable: true }) errorCode: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage: string | null;
  @ApiProperty() requestedAt: string;
}
