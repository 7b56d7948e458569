import { ApiProperty } from '@nestjs/swagger';
import { EventDto } from './event.dto.js';
import { RecalledLotDto } from './recalled-lot.dto.js';

export class RecallResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: RecalledLotDto, isArray: true, description: 'The lot and every descendant in your organization' }) lots: RecalledLotDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Partners shipped to, with their shipments' }) partners: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Organizations on the platform whose received lots were recalled too' })
  downstreamOrganizations: object[];
}
