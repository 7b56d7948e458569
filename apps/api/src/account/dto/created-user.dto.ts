import { ApiPropertyOptional } from '@nestjs/swagger';
import { UserDto } from '../../auth/dto/index.js';

export class CreatedUserDto extends UserDto {
  @ApiPropertyOptional({ description: 'Only when no password was given: the link the user opens to set theirs (shown once)' }) passwordSetLink?: string;
  @ApiPropertyOptional({ type: Date }) passwordSetLinkExpiresAt?: Date;
}
