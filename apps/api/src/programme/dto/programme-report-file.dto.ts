import { ApiProperty } from '@nestjs/swagger';

export class ProgrammeReportFileDto {
  @ApiProperty({ example: '/api/v1/programme/reports/0b9c…/report.pdf' }) href: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'SHA-256 of the file (also its ETag)' }) sha256: string;
}
