import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { LINK_KINDS, type LinkKind } from '@app/traceability';

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
