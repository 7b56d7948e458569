import { ApiProperty } from '@nestjs/swagger';

export class ProgrammeCountsDto {
  @ApiProperty() linked: number;
  @ApiProperty({ description: 'Recorded any event in the period' }) active: number;
  @ApiProperty() inactive: number;
}
