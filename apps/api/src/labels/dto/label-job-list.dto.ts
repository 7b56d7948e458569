import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LabelJobDto } from './label-job.dto.js';

export class LabelJobListDto {
  @ApiProperty({ type: LabelJobDto, isArray: true }) items: LabelJobDto[];
  @ApiPropertyOptional() nextCursor?: string;
}
