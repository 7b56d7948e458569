import { ApiProperty } from '@nestjs/swagger';
import { OrganizationDto } from './organization.dto.js';
import { UserDto } from './user.dto.js';

export class SignupResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: OrganizationDto }) organization: OrganizationDto;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
