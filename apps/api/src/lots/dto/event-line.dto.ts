import { ApiProperty } from '@nestjs/swagger';

export class EventLineDto {
  @ApiProperty() lotId: string;
  @ApiProperty({ type: String, nullable: true }) lotCode: string | null;
  @ApiProperty({ enum: ['input', 'output', 'observed'] }) direction: string;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'The same quantity in the lot’s unit (what mass balance counts)' }) quantityInLotUnit: string;
}
