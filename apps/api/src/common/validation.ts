import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from '@app/traceability';

interface FieldProblems {
  field: string;
  problems: string[];
  /** class-validator rule names (isEmail, minLength…), so clients can word the message in their language. */
  rules: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblems[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints), rules: Object.keys(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown fields, and answer 400 VALIDATION_FAILED naming every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      return new DomainException('VALIDATION_FAILED', message, 'bad_request', {
        field: fields[0]?.field,
        fields: Object.fromEntries(fields.map((f) => [f.field, f.problems])),
        rules: Object.fromEntries(fields.map((f) => [f.field, f.rules])),
      });
    },
  });
}
