import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ProgrammeQueryDto } from './programme-query.dto.js';

export class ProgrammeLotsQueryDto extends ProgrammeQueryDto {
  @ApiPropertyOptional({ example: '50', description: '1 to 200' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;

  @ApiPropertyOptional({ example: '0' })
  @IsOptional()
  @Matches(/^\d{1,7}$/, { message: 'offset must be a whole number' })
  offset?: string;
}
