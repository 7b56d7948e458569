import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class VoidInputApplicationDto {
  @ApiProperty({ example: 'Ghi nhầm liều lượng' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}
