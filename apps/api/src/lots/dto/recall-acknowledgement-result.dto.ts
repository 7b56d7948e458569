import { ApiProperty } from '@nestjs/swagger';

export class RecallAcknowledgementResultDto {
  @ApiProperty({ format: 'uuid' }) recallId: string;
  @ApiProperty({ type: String, format: 'date-time' }) acknowledgedAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}
