import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { UNITS, type QuantityLine } from '@app/traceability';
import { IsQuantityLike } from './validators.js';

const QUANTITY_SCHEMA = { oneOf: [{ type: 'string' }, { type: 'number' }], example: '125.5', description: 'Decimal, > 0, at most 6 decimals' };

const UNIT_SCHEMA = { enum: [...UNITS], example: 'kg', description: 'Unknown units answer 422 UNIT_UNKNOWN' };

/** A quantity and its unit, as every request line that counts something sends them. */
export class QuantityLineDto implements QuantityLine {
  @ApiProperty(QUANTITY_SCHEMA) @IsQuantityLike() quantity: string | number;
  @ApiProperty(UNIT_SCHEMA) @IsString() @MaxLength(10) unit: string;
}
