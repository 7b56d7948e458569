import { ApiProperty } from '@nestjs/swagger';
import { GrowingAreaDto } from './growing-area.dto.js';
import { StatusChangeDto } from './status-change.dto.js';

export class GrowingAreaDetailDto extends GrowingAreaDto {
  @ApiProperty({ type: StatusChangeDto, isArray: true, description: 'Oldest first' }) statusHistory: StatusChangeDto[];
}
