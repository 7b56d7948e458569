import { ApiProperty } from '@nestjs/swagger';

/** One event of a captured document that was refused (or skipped as a duplicate), with its reason. */
export class CaptureEventErrorDto {
  @ApiProperty({ description: 'Index of the event in epcisBody.eventList' }) index: number;
  @ApiProperty({ type: String, nullable: true }) eventID: string | null;
  @ApiProperty({ example: 'EPCIS_LOT_UNKNOWN', description: 'Reason code (error catalog)' }) code: string;
  @ApiProperty() message: string;
}
