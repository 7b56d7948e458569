import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyDto } from './api-key.dto.js';

export class ApiKeyListDto {
  @ApiProperty({ type: ApiKeyDto, isArray: true }) items: ApiKeyDto[];
  @ApiProperty() total: number;
}
