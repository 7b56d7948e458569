import { ApiProperty } from '@nestjs/swagger';

export class PasswordLinkDto {
  @ApiProperty({ example: 'https://truyxuat.example.vn/console/#/reset-password?token=…', description: 'Works once, until expiresAt' }) link: string;
  @ApiProperty() expiresAt: Date;
}
