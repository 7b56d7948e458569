import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeCountsDto } from './programme-counts.dto.js';
import { ProgrammeOcopDto } from './programme-ocop.dto.js';

export class ProgrammeDashboardDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) office: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' } }) period: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) filters: unknown;
  @ApiProperty({ description: 'When this answer was made (the live figures are computed now; see freshness for the rollups)' }) computedAt: Date;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Per section (cooperatives, ocop, coverage, growingAreas, monthly, recalls, signals): { source: live | rollup, computedAt, refreshEveryMinutes }. Rollups are refreshed by the worker every 10 minutes and count every change committed before computedAt (null: not built yet).',
    example: { monthly: { source: 'rollup', computedAt: '2026-06-30T03:10:00.000Z', refreshEveryMinutes: 10 }, ocop: { source: 'live', computedAt: '2026-06-30T03:14:12.000Z' } },
  })
  freshness: unknown;
  @ApiProperty({ type: ProgrammeCountsDto }) cooperatives: ProgrammeCountsDto;
  @ApiProperty({ type: ProgrammeOcopDto }) ocop: ProgrammeOcopDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'certifiedProducts, covered, share (0–1), shortfalls {noLots, noGrowingArea, noLabels}' }) coverage: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'byStatus, byCrop, totalAreaHa, suspendedOrRevokedWithStockOnSale' }) growingAreas: unknown;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Per month: lots, harvestLots, harvestedKg, processedLots, processedKg, labelsPrinted, scans, distinctClients, distinctClientsPer (month: each client once in the month per cooperative; day: the period cuts the month, each client once a day)' }) monthly: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'open, items (recallId, rootLotCode, lots, organizations, labelsPrinted)' }) recalls: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'yieldOverrides (in the period), copiedLabels (serials that look copied)' }) signals: unknown;
}
