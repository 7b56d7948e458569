import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class TraceQueryDto {
  @ApiPropertyOptional({ enum: ['back', 'forward'], default: 'back' }) @IsOptional() @IsIn(['back', 'forward']) direction?: 'back' | 'forward';
}
