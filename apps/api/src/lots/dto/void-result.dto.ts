import { ApiProperty } from '@nestjs/swagger';
import { EventDto } from './event.dto.js';

export class VoidResultDto {
  @ApiProperty({ type: EventDto, description: 'The void event' }) event: EventDto;
  @ApiProperty({ type: EventDto, description: 'The voided event, as it now reads' }) voided: EventDto;
}
