import { ApiProperty } from '@nestjs/swagger';

export class LabelWarningDto {
  @ApiProperty({ enum: ['PUBLIC_BASE_URL_LOOPBACK'] }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ example: 'http://localhost:3000', description: 'The address printed on the labels' }) url: string;
}
