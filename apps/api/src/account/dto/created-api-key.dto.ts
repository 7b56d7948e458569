import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyDto } from './api-key.dto.js';

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) apiKey: ApiKeyDto;
  @ApiProperty({ description: 'The secret key. Shown once: only its hash is stored.' }) key: string;
}
