import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export class ProgrammeQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First local day of the period (default: 1 January of `to`’s year)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a local date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last local day of the period, inclusive (default: today); certificates are judged as of this day' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a local date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: '03334', description: 'Only cooperatives registered in this commune (official code)' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be five digits' })
  communeCode?: string;

  @ApiPropertyOptional({ enum: ['1', '2', '3', '4', '5', '6'], description: 'OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism' })
  @IsOptional()
  @IsIn(['1', '2', '3', '4', '5', '6'], { message: 'ocopGroup must be an OCOP product group from 1 to 6' })
  ocopGroup?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this overseen cooperative (another answers 404)' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}
