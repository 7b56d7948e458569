import { ApiProperty } from '@nestjs/swagger';

export class BoxDto {
  @ApiProperty() xMm: number;
  @ApiProperty() yMm: number;
  @ApiProperty() widthMm: number;
  @ApiProperty() heightMm: number;
}
