import { ApiProperty } from '@nestjs/swagger';

export class LotProductRefDto {
  @ApiProperty() id: string;
  @ApiProperty() nameVi: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ type: String, nullable: true }) gtin: string | null;
  @ApiProperty() unit: string;
}
