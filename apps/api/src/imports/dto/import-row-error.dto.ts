import { ApiProperty } from '@nestjs/swagger';

export class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: 'Row number in the file, as Excel shows it' }) row: number;
  @ApiProperty({ type: String, nullable: true, example: 'Diện tích (ha)', description: 'The column’s header as written in the file' }) column: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'areaHa', description: 'The API field' }) field: string | null;
  @ApiProperty({ example: 'AREA_HA_NOT_POSITIVE', description: 'The same code the API gives for this field' }) code: string;
  @ApiProperty({ example: 'areaHa: must be greater than 0, got 0' }) message: string;
}
