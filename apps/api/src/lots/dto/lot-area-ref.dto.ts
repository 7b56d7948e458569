import { ApiProperty } from '@nestjs/swagger';
import { LotRefDto } from './lot-ref.dto.js';

export class LotAreaRefDto extends LotRefDto {
  @ApiProperty({ type: String, nullable: true }) code: string | null;
}
