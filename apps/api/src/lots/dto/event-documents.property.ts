import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { EventDocumentDto } from './event-document.dto.js';

/**
 * The `documents` of an operation (FSMA 204 asks for each reference document's type and number): up
 * to 20, optional unless `required` (then at least one). Listed bottom-up, as stacked decorators
 * apply, so validation reports in the order it always did.
 */
export function EventDocumentsProperty(options: { required?: boolean; description?: string } = {}): PropertyDecorator {
  const schema = { type: EventDocumentDto, isArray: true, ...(options.description ? { description: options.description } : {}) };
  return options.required
    ? applyDecorators(ArrayMaxSize(20), ArrayMinSize(1), Type(() => EventDocumentDto), ValidateNested({ each: true }), ApiProperty(schema))
    : applyDecorators(ArrayMaxSize(20), Type(() => EventDocumentDto), ValidateNested({ each: true }), IsOptional(), ApiPropertyOptional(schema));
}
