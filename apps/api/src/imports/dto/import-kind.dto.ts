import { ApiProperty } from '@nestjs/swagger';
import { ALL_IMPORT_KIND_NAMES } from '@app/traceability';
import { ImportColumnDto } from './import-column.dto.js';

export class ImportKindDto {
  @ApiProperty({ enum: ALL_IMPORT_KIND_NAMES }) name: string;
  @ApiProperty() titleVi: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ type: ImportColumnDto, isArray: true }) columns: ImportColumnDto[];
}
