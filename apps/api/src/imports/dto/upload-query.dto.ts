import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UploadQueryDto {
  @ApiPropertyOptional({ description: 'The file’s name as the clerk chose it (kept for the annotated file); its extension helps tell CSV from XLSX', example: 'ho-thanh-vien.xlsx' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}
