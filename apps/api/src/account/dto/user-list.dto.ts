import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../auth/dto/index.js';

export class UserListDto {
  @ApiProperty({ type: UserDto, isArray: true }) items: UserDto[];
  @ApiProperty() total: number;
}
