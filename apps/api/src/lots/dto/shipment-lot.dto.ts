import { ApiProperty } from '@nestjs/swagger';

export class ShipmentLotDto {
  @ApiProperty({ type: String, nullable: true, description: 'Null for the receiver: the sender’s ids stay private' }) id: string | null;
  @ApiProperty() code: string;
  @ApiProperty() shortCode: string;
  @ApiProperty() uri: string;
  @ApiProperty({ type: String, nullable: true }) productId: string | null;
  @ApiProperty() productName: string;
  @ApiProperty({ type: String, nullable: true }) gtin: string | null;
}
