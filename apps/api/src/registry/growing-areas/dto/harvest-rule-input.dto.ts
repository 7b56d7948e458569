import { ApiProperty } from '@nestjs/swagger';
import { INPUT_KINDS, type HarvestRuleInput, type InputKind } from '@app/traceability';

export class HarvestRuleInputDto implements HarvestRuleInput {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() appliedAt: string;
  @ApiProperty({ enum: INPUT_KINDS }) kind: InputKind;
  @ApiProperty() productName: string;
  @ApiProperty({ type: String, nullable: true }) activeIngredient: string | null;
  @ApiProperty() phiDays: number;
  @ApiProperty() safeFrom: string;
}
