import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** `{items, total, nextCursor}` of a list. */
export function ListOf<T>(item: ClassType<T>, name: string): ClassType<{ items: T[]; total: number | null; nextCursor?: string | null }> {
  class ListDto {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiProperty({
      type: Number,
      nullable: true,
      description: 'How many match: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null',
    })
    total: number | null;
    @ApiPropertyOptional({ type: String, nullable: true }) nextCursor?: string | null;
  }
  Object.defineProperty(ListDto, 'name', { value: name });
  return ListDto;
}
