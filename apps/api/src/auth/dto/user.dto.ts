import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: ['owner', 'admin', 'recorder', 'viewer'] }) role: string;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'Set while the user is deactivated (cannot log in)' }) deactivatedAt: Date | null;
  @ApiProperty() createdAt: Date;
}
