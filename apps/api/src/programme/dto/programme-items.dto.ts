import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProgrammeItemsDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) items: unknown[];
  @ApiPropertyOptional({ nullable: true, description: 'Coverage only: when the rollups its lots come from were refreshed (null: not built yet)' }) computedAt?: Date | null;
}
