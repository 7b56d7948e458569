import { ApiProperty } from '@nestjs/swagger';
import { TraceEdgeDto } from './trace-edge.dto.js';
import { TraceNodeDto } from './trace-node.dto.js';

export class TraceDto {
  @ApiProperty() lotId: string;
  @ApiProperty({ enum: ['back', 'forward'] }) direction: string;
  @ApiProperty({ type: TraceNodeDto, isArray: true }) nodes: TraceNodeDto[];
  @ApiProperty({ type: TraceEdgeDto, isArray: true }) edges: TraceEdgeDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: growing areas of the harvests' }) growingAreas: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: member households who harvested' }) households: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: input applications in the year before each harvest' })
  inputApplications: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) facilities: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: where received lots came from' }) upstream: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Forward: shipments out of the traced lots' }) shipments: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Forward: partners shipped to' }) partners: object[];
}
