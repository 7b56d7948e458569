import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateGrowingAreaDto } from './create-growing-area.dto.js';

/** Any subset of the fields except the status, which changes only through POST /{id}/status. */
export class UpdateGrowingAreaDto extends PartialType(OmitType(CreateGrowingAreaDto, ['status', 'statusReason'] as const)) {}
