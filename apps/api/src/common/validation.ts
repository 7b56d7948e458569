import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from '@app/traceability';
import { compiledRequest, isPlainObject } from './compiled-validation.js';

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

/** Types ValidationPipe never validates as classes. */
const NOT_CLASSES = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date]);

/**
 * ValidationPipe with a compiled fast path (compiled-validation.ts): a request class's body, query
 * or path object that its compiled schema accepts is built into the class's instance without
 * reflection; anything else (a bad value, a class that is not compiled) goes through
 * class-transformer and class-validator as before, which word the error.
 */
class CompiledValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if ((type === 'body' || type === 'query' || type === 'param') && metatype && !NOT_CLASSES.has(metatype) && isPlainObject(value)) {
      const instance = compiledRequest(metatype)?.(value);
      if (instance) return instance;
    }
    return super.transform(value, metadata);
  }
}

/** Whitelist, refuse unknown fields, and answer 400 VALIDATION_FAILED naming every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new CompiledValidationPipe({
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
