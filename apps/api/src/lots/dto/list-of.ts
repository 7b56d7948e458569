import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** `{items, total, nextCursor}` of a list. */
export function ListOf<T>(item: ClassType<T>, name: string): ClassType<{ items: T[]; total: number; nextCursor?: string | null }> {
  class ListDto {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiProperty() total: number;
    @ApiPropertyOptional({ type: String, nullable: true }) nextCursor?: string | null;
  }
  Object.defineProperty(ListDto, 'name', { value: name });
  return ListDto;
}
