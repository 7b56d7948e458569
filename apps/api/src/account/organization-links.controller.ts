import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganizationLinksService, type Caller } from '@app/traceability';
import { CurrentCaller, MinRole } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { CreateOrganizationLinkDto, OrganizationLinkDto, OrganizationLinkListDto, OrganizationLinkListQueryDto, OrganizationSummaryListDto } from './dto/index.js';

/**
 * Oversight and trade links between organizations: one side asks, the other accepts or declines,
 * either ends one at once. Changing links needs an owner or admin.
 */
@ApiTags('organization links')
@ApiBearerAuth()
@Controller('api/v1/organization-links')
export class OrganizationLinksController {
  constructor(private readonly links: OrganizationLinksService) {}

  /** A link as a write on it answered (ReplayWith). */
  async link(caller: Caller, id: string) {
    return (await this.links.list(caller, {})).find((link) => link.id === id);
  }

  @Get()
  @ApiOperation({ summary: 'Your organization’s links, either side; pending first' })
  @ApiOkResponse({ type: OrganizationLinkListDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: OrganizationLinkListQueryDto) {
    const items = await this.links.list(caller, query);
    return { items, total: items.length };
  }

  @Get('candidates')
  @ApiOperation({ summary: 'Who you may ask for oversight: for a confirmed office, the organizations of its province; for others, their province’s confirmed offices' })
  @ApiOkResponse({ type: OrganizationSummaryListDto })
  async candidates(@CurrentCaller() caller: Caller) {
    const items = await this.links.candidates(caller);
    return { items, total: items.length };
  }

  @Post()
  @ReplayWith('link', 'created')
  @MinRole('admin')
  @ApiOperation({ summary: 'Invite or ask another organization for a link (pending until it accepts)' })
  @ApiCreatedResponse({ type: OrganizationLinkDto })
  request(@CurrentCaller() caller: Caller, @Body() body: CreateOrganizationLinkDto) {
    return this.links.request(caller, body.kind, body.organizationId);
  }

  @Post(':id/accept')
  @ReplayWith('link', { param: 'id' })
  @MinRole('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: OrganizationLinkDto })
  accept(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.links.accept(caller, id);
  }

  @Post(':id/decline')
  @ReplayWith('link', { param: 'id' })
  @MinRole('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: OrganizationLinkDto })
  decline(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.links.decline(caller, id);
  }

  @Post(':id/end')
  @ReplayWith('link', { param: 'id' })
  @MinRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a pending or active link, from either side; it takes effect with the next request' })
  @ApiOkResponse({ type: OrganizationLinkDto })
  end(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.links.end(caller, id);
  }
}
