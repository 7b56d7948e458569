import { ApiProperty } from '@nestjs/swagger';

export class ProgrammeItemsDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) items: unknown[];
}
