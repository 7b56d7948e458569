import { ApiProperty } from '@nestjs/swagger';
import { GROWING_AREA_STATUSES } from '@app/traceability';
import { HarvestRuleInputDto } from './harvest-rule-input.dto.js';

export class HarvestWindowDto {
  @ApiProperty({ format: 'uuid' }) growingAreaId: string;
  @ApiProperty({ enum: GROWING_AREA_STATUSES }) status: string;
  @ApiProperty({ description: 'Today in Vietnam' }) today: string;
  @ApiProperty({ type: String, nullable: true, description: 'Earliest allowed harvest date; null: no pre-harvest interval applies' }) earliestHarvestDate: string | null;
  @ApiProperty({ description: 'Active and outside every pre-harvest interval today' }) harvestAllowedToday: boolean;
  @ApiProperty({ type: HarvestRuleInputDto, isArray: true, description: 'Inputs whose pre-harvest interval covers today' }) blockingInputs: HarvestRuleInputDto[];
  @ApiProperty({ type: String, nullable: true }) maxYieldTPerHa: string | null;
  @ApiProperty({ enum: ['area', 'organization', 'default'], nullable: true }) maxYieldSource: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tonnes per crop season' }) maxHarvestT: string | null;
  @ApiProperty({ description: 'Crop seasons per calendar year' }) seasonsPerYear: number;
  @ApiProperty({ type: String, nullable: true, description: 'Tonnes per calendar year' }) maxHarvestTPerYear: string | null;
}
