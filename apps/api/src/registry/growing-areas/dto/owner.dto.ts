import { ApiProperty } from '@nestjs/swagger';

export class OwnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
}
