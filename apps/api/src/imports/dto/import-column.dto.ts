import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportColumnDto {
  @ApiProperty({ example: 'areaHa' }) key: string;
  @ApiProperty({ example: 'Diện tích (ha)' }) vi: string;
  @ApiProperty({ example: 'Area (ha)' }) en: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', properties: { value: { oneOf: [{ type: 'string' }, { type: 'number' }] }, vi: { type: 'string' }, en: { type: 'string' } } } })
  allowed?: { value: string | number; vi: string; en: string }[];
}
