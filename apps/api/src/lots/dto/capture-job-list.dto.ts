import { ApiProperty } from '@nestjs/swagger';
import { CaptureJobDto } from './capture-job.dto.js';

export class CaptureJobListDto {
  @ApiProperty({ type: [CaptureJobDto] }) items: CaptureJobDto[];
}
