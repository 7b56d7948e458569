import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The photo's bytes are the body; what goes with it travels in the query. */
export class EvidencePhotoUploadQueryDto {
  @ApiPropertyOptional({ example: 'Cột mốc góc đông bắc', description: 'What the photo shows (200 characters at most)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  caption?: string;
}
