import { ApiProperty } from '@nestjs/swagger';

export class LabelJobErrorDto {
  @ApiProperty({ example: 'LABEL_PAYLOAD_TOO_LONG' }) code: string;
  @ApiProperty() message: string;
}
