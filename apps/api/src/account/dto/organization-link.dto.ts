import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LINK_KINDS, LINK_STATUSES } from '@app/traceability';
import { OrganizationSummaryDto } from './organization-summary.dto.js';

export class OrganizationLinkDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LINK_KINDS }) kind: string;
  @ApiProperty({ enum: LINK_STATUSES }) status: string;
  @ApiProperty({ description: 'oversight: the programme office; trade: the sender' }) fromOrganizationId: string;
  @ApiProperty({ description: 'oversight: the organization overseen; trade: the receiver' }) toOrganizationId: string;
  @ApiProperty({ type: OrganizationSummaryDto }) from: OrganizationSummaryDto;
  @ApiProperty({ type: OrganizationSummaryDto }) to: OrganizationSummaryDto;
  @ApiProperty({ type: OrganizationSummaryDto, description: 'The organization on the other side from yours' }) other: OrganizationSummaryDto;
  @ApiProperty() requestedByOrganizationId: string;
  @ApiProperty({ description: 'Pending, and asked by the other side: you may accept or decline it' }) awaitingOurAnswer: boolean;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) respondedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) endedAt: Date | null;
}
