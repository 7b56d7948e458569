import { ApiProperty } from '@nestjs/swagger';

export class ProgrammeOcopDto {
  @ApiProperty({ description: 'Products with an OCOP certificate issued by the period’s end' }) products: number;
  @ApiProperty() stars3: number;
  @ApiProperty() stars4: number;
  @ApiProperty() stars5: number;
  @ApiProperty() valid: number;
  @ApiProperty() expiringWithin90Days: number;
  @ApiProperty() expiringWithin30Days: number;
  @ApiProperty() expired: number;
}
