import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role, type UserPatch } from '@app/traceability';

export class UpdateUserDto implements UserPatch {
  @ApiPropertyOptional({ enum: ROLES, description: 'Not above your own role; the last active owner keeps theirs. Ends the user’s sessions.' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsIn(ROLES)
  role?: Role;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(200)
  name?: string | null;
}
