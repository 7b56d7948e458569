import { ApiProperty } from '@nestjs/swagger';

export class AcceptedDto {
  @ApiProperty({ enum: ['accepted'], description: 'The same answer whether or not the email has an account' }) status: 'accepted';
}
