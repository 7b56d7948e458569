import { ApiProperty } from '@nestjs/swagger';

export class ShipmentFromDto {
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
}
