import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IMPORT_MODES, type ImportMode } from '@app/traceability';

export class CommitImportDto {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all_or_nothing', example: 'all_or_nothing', description: 'all_or_nothing: refused (422 IMPORT_HAS_ERRORS) while any row has an error; valid_rows: the rows without errors are imported, the others skipped' })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  @ApiPropertyOptional({ default: false, example: false, description: 'Rows naming a record that exists (by its natural key: growing-area code, citizen id, GTIN…) update it; otherwise they are left alone' })
  @IsOptional()
  @IsBoolean()
  updateExisting?: boolean;
}
