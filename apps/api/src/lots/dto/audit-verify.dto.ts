import { ApiProperty } from '@nestjs/swagger';

export class AuditVerifyDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() eventsChecked: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenEventId: string | null;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
}
