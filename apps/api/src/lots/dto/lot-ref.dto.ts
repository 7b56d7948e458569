import { ApiProperty } from '@nestjs/swagger';

export class LotRefDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}
