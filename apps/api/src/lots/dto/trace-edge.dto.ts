import { ApiProperty } from '@nestjs/swagger';

export class TraceEdgeDto {
  @ApiProperty() parentLotId: string;
  @ApiProperty() childLotId: string;
  @ApiProperty() eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ description: 'How much of the parent (in the parent’s unit) went into the child' }) quantity: string;
  @ApiProperty() unit: string;
}
