import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class EvidencePhotoImageQueryDto {
  @ApiPropertyOptional({ enum: ['full', 'thumb'], default: 'full', description: '`thumb`: the 192 px thumbnail' })
  @IsOptional()
  @IsIn(['full', 'thumb'])
  size?: 'full' | 'thumb';
}
