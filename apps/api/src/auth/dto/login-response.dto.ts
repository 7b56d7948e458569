import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto.js';

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
