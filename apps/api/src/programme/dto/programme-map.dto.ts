import { ApiProperty } from '@nestjs/swagger';

export class ProgrammeMapDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '{url, attribution} from MAP_TILE_URL; null: no tiles' }) tiles: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'GeoJSON FeatureCollection of the areas (properties: code, name, crop, areaHa, status, organizationName…)' }) areas: unknown;
}
