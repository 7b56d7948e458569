import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeCountsDto } from './programme-counts.dto.js';
import { ProgrammeOcopDto } from './programme-ocop.dto.js';

export class ProgrammeDashboardDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) office: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' } }) period: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) filters: unknown;
  @ApiProperty({ description: 'When the figures were computed (they are computed on request)' }) computedAt: Date;
  @ApiProperty({ type: ProgrammeCountsDto }) cooperatives: ProgrammeCountsDto;
  @ApiProperty({ type: ProgrammeOcopDto }) ocop: ProgrammeOcopDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'certifiedProducts, covered, share (0–1), shortfalls {noLots, noGrowingArea, noLabels}' }) coverage: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'byStatus, byCrop, totalAreaHa, suspendedOrRevokedWithStockOnSale' }) growingAreas: unknown;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Per month: lots, harvestLots, harvestedKg, processedLots, processedKg, labelsPrinted, scans, distinctClients' }) monthly: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'open, items (recallId, rootLotCode, lots, organizations, labelsPrinted)' }) recalls: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'yieldOverrides (in the period), copiedLabels (serials that look copied)' }) signals: unknown;
}
