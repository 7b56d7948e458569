import { ApiProperty } from '@nestjs/swagger';
import { EventDto } from './event.dto.js';
import { LotDto } from './lot.dto.js';

export class TransformResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: LotDto, isArray: true }) outputs: LotDto[];
}
