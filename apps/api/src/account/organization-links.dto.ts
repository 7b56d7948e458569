import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LINK_KINDS, LINK_STATUSES, type LinkKind, type LinkStatus } from '@app/traceability';

export class OrganizationSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['cooperative', 'enterprise', 'household_business', 'programme_office'] }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) commune: string | null;
}

export class OrganizationSummaryListDto {
  @ApiProperty({ type: OrganizationSummaryDto, isArray: true }) items: OrganizationSummaryDto[];
  @ApiProperty() total: number;
}

export class CreateOrganizationLinkDto {
  @ApiProperty({
    enum: LINK_KINDS,
    description:
      'oversight: a confirmed programme office invites an organization of its province, or an organization asks its province’s office to oversee it (read-only). trade: ask the organization to accept your shipments.',
  })
  @IsIn(LINK_KINDS)
  kind: LinkKind;
  @ApiProperty({ format: 'uuid', description: 'The organization on the other side' }) @IsUUID() organizationId: string;
}

export class OrganizationLinkListQueryDto {
  @ApiPropertyOptional({ enum: LINK_KINDS }) @IsOptional() @IsIn(LINK_KINDS) kind?: LinkKind;
  @ApiPropertyOptional({ enum: LINK_STATUSES }) @IsOptional() @IsIn(LINK_STATUSES) status?: LinkStatus;
}

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

export class OrganizationLinkListDto {
  @ApiProperty({ type: OrganizationLinkDto, isArray: true }) items: OrganizationLinkDto[];
  @ApiProperty() total: number;
}
