import { ApiProperty } from '@nestjs/swagger';
import { LotAreaRefDto } from './lot-area-ref.dto.js';
import { LotRefDto } from './lot-ref.dto.js';

export class YieldOverrideDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ type: LotRefDto }) organization: LotRefDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) lot: object;
  @ApiProperty({ type: LotAreaRefDto, nullable: true }) growingArea: LotAreaRefDto | null;
  @ApiProperty() harvestedAt: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) recordedBy: string | null;
  @ApiProperty({ example: '2026' }) season: string;
  @ApiProperty() seasonTotalT: string;
  @ApiProperty() limitT: string;
  @ApiProperty() areaHa: string;
  @ApiProperty() maxYieldTPerHa: string;
  @ApiProperty() reason: string;
  @ApiProperty() voided: boolean;
}
