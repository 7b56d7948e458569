import { PartialType } from '@nestjs/swagger';
import { CreatePartnerDto } from './create-partner.dto.js';

/** Any subset of the fields; `null` clears an optional one. */
export class UpdatePartnerDto extends PartialType(CreatePartnerDto) {}
