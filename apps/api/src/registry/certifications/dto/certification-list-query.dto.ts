import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CERTIFICATION_KINDS, CERTIFICATION_SCOPE_TYPES, CERTIFICATION_STATUSES, type CertificationKind, type CertificationScopeType, type CertificationStatus } from '@app/traceability';
import { ListQueryDto } from '../../common/registry.dto.js';

export const CERTIFICATION_SORTS = ['issuedAt', '-issuedAt', 'createdAt', '-createdAt'] as const;

export class CertificationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATION_SORTS, default: '-issuedAt' })
  @IsOptional()
  @IsIn(CERTIFICATION_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: CERTIFICATION_KINDS })
  @IsOptional()
  @IsIn(CERTIFICATION_KINDS)
  kind?: CertificationKind;

  @ApiPropertyOptional({ enum: CERTIFICATION_SCOPE_TYPES })
  @IsOptional()
  @IsIn(CERTIFICATION_SCOPE_TYPES)
  scopeType?: CertificationScopeType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  scopeId?: string;

  @ApiPropertyOptional({ enum: CERTIFICATION_STATUSES, description: 'Validity today' })
  @IsOptional()
  @IsIn(CERTIFICATION_STATUSES)
  status?: CertificationStatus;
}
