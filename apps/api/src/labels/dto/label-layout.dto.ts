import { ApiProperty } from '@nestjs/swagger';
import { BoxDto } from './box.dto.js';

export class LabelLayoutDto {
  @ApiProperty({ type: BoxDto, description: 'The QR with its 4-module quiet zone, relative to the label' }) qr: BoxDto;
  @ApiProperty({ type: BoxDto }) text: BoxDto;
}
