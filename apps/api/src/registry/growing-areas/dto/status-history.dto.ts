import { ApiProperty } from '@nestjs/swagger';
import { StatusChangeDto } from './status-change.dto.js';

export class StatusHistoryDto {
  @ApiProperty({ type: StatusChangeDto, isArray: true }) items: StatusChangeDto[];
}
