import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, LotReportsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { AuditVerifyDto, LotPageQueryDto, YieldOverrideListDto } from './dto/index.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly reports: LotReportsService,
  ) {}

  @Get('audit/verify')
  @ApiOperation({ summary: 'Recompute the organization’s event hash chain and report the first broken event' })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(@CurrentCaller() caller: Caller) {
    return this.audit.verify(caller);
  }

  @Get('reports/yield-overrides')
  @ApiOperation({ summary: 'Harvests accepted above the plausible season yield with a reason (a programme office sees its province)' })
  @ApiOkResponse({ type: YieldOverrideListDto })
  yieldOverrides(@CurrentCaller() caller: Caller, @Query() query: LotPageQueryDto) {
    return this.reports.yieldOverrides(caller, query);
  }
}
