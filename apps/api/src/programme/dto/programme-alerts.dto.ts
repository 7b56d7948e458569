import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeAlertDto } from './programme-alert.dto.js';

export class ProgrammeAlertsDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-12-03', description: 'The computed day answered (null: no day computed yet)' }) day: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the worker computed that day' }) computedAt: string | null;
  @ApiProperty({ type: [ProgrammeAlertDto] }) items: ProgrammeAlertDto[];
}
