import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CropYieldLimitsService, type Caller } from '@app/traceability';
import { CurrentCaller, MinRole } from '../../common/auth.decorators.js';
import { ApiErrors, IsDecimalLike } from '../common/registry.dto.js';
import { ReplayWith } from '../../common/replay.decorator.js';

export class SetCropYieldLimitDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: '7.5', description: 't/ha per crop season, > 0' })
  @IsDecimalLike()
  maxYieldTPerHa: string | number;
}

export class CropYieldLimitDto {
  @ApiProperty({ example: 'sticky_rice' }) crop: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lúa nếp' }) nameVi: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Sticky rice (paddy)' }) nameEn: string | null;
  @ApiProperty({ type: String, nullable: true, example: '7' }) defaultMaxYieldTPerHa: string | null;
  @ApiProperty({ example: '7.5' }) maxYieldTPerHa: string;
  @ApiProperty({ enum: ['organization', 'default'] }) source: string;
}

export class CropYieldLimitListDto {
  @ApiProperty({ type: CropYieldLimitDto, isArray: true }) items: CropYieldLimitDto[];
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('api/v1/crop-yield-limits')
export class CropYieldLimitsController {
  constructor(private readonly limits: CropYieldLimitsService) {}

  /** The limit in force for one crop (ReplayWith). */
  limit(caller: Caller, crop: string) {
    return this.limits.get(caller, crop);
  }

  @Get()
  @ApiOperation({ summary: 'Maximum plausible yield per crop (t/ha per season): defaults and your organization’s own' })
  @ApiOkResponse({ type: CropYieldLimitListDto })
  async list(@CurrentCaller() caller: Caller) {
    return { items: await this.limits.list(caller) };
  }

  @Put(':crop')
  @ReplayWith('limit', { param: 'crop' })
  @MinRole('admin')
  @ApiOperation({ summary: 'Set your organization’s maximum yield for a crop (admins); also adds a crop of your own' })
  @ApiOkResponse({ type: CropYieldLimitDto })
  @ApiErrors(400, 422)
  set(@CurrentCaller() caller: Caller, @Param('crop') crop: string, @Body() body: SetCropYieldLimitDto) {
    return this.limits.set(caller, crop, body.maxYieldTPerHa);
  }
}
