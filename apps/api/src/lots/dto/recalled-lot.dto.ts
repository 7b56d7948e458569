import { ApiProperty } from '@nestjs/swagger';

export class RecalledLotDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() kind: string;
  @ApiProperty() productId: string;
  @ApiProperty() productNameVi: string;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
}
