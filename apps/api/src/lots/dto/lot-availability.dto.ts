import { ApiProperty } from '@nestjs/swagger';

export class LotAvailabilityDto {
  @ApiProperty({ example: '1250.5' }) quantity: string;
  @ApiProperty({ example: '1000' }) consumed: string;
  @ApiProperty({ example: '250.5' }) available: string;
  @ApiProperty({ example: 'kg' }) unit: string;
}
