import { ApiProperty } from '@nestjs/swagger';

export class VoidedByDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() recordTime: string;
}
