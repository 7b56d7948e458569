import { ApiProperty } from '@nestjs/swagger';
import { EventDto } from './event.dto.js';

export class EventResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
}
