import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi', description: 'Language of the headers and allowed values' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}
