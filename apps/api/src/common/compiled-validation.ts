import { createRequire } from 'node:module';
import type { Type } from '@nestjs/common';
import { Ajv, type AnySchema, type SchemaObject, type ValidateFunction } from 'ajv';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage.js';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

/** class-transformer's decorator metadata (@Type, @Transform…), which its package does not export by name. */
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as { defaultMetadataStorage: TransformerMetadata };

/**
 * Request classes compiled once into a JSON schema and an Ajv validator, with a builder of the
 * class's instance, so a request that passes costs neither class-transformer's nor
 * class-validator's reflection (issue 19).
 *
 * The schema is generated from the very decorators that class-validator reads (and that the
 * OpenAPI document is written beside): a rule JSON Schema states exactly, or more strictly, becomes
 * its keyword (`isString` → `type: string`, `maxLength` → `maxLength`, `isIn` → `enum`…); any other
 * rule calls class-validator's own check for it (`classValidator` keyword). The compiled path only
 * ever ACCEPTS: a value it refuses, or cannot build the way class-transformer would, goes through
 * class-validator as before (validation.ts), which words the error. So the error body, its codes,
 * fields and messages are class-validator's own, and a value is accepted only when class-validator
 * accepts it (the schema is never looser than the rules), built into the same instance.
 *
 * A class is compiled only when every decorator on it is understood: `@IsOptional` but no other
 * conditional (`@ValidateIf`), no groups, no asynchronous rules, `@Type` to Number/String/Boolean or
 * to another compiled class, `@Transform` without groups or versions, no `@Expose`/`@Exclude`.
 * Otherwise the class keeps class-validator for everything (`compiledRequest` answers null).
 */

/** The instance class-transformer's plainToInstance would build, or undefined: leave it to class-validator. */
export type CompiledRequest = (plain: Record<string, unknown>) => object | undefined;

/** Type names class-validator gives its metadata (ValidationTypes). */
const CUSTOM = 'customValidation';
const NESTED = 'nestedValidation';
const CONDITIONAL = 'conditionalValidation';
const WHITELIST = 'whitelistValidation';

/** What class-transformer's plainToInstance passes a @Transform (its default options, as ValidationPipe leaves them). */
const TRANSFORM_OPTIONS = {
  enableCircularCheck: false,
  enableImplicitConversion: false,
  excludeExtraneousValues: false,
  excludePrefixes: undefined,
  exposeDefaultValues: false,
  exposeUnsetFields: true,
  groups: undefined,
  ignoreDecorators: false,
  strategy: undefined,
  targetMaps: undefined,
  version: undefined,
};

/** The class-validator rule behind a `classValidator` keyword. */
interface Rule {
  validate: (value: unknown, args: ValidationArguments) => unknown;
  metadata: ValidationMetadata;
  targetName: string;
}

/** How one property's value is built: copied, converted (@Type to a primitive), or a nested instance. */
interface PropertyPlan {
  primitive?: (value: unknown) => unknown;
  nested?: ClassPlan;
  transforms: ((params: { value: unknown; key: string; obj: Record<string, unknown>; type: TransformationType; options: typeof TRANSFORM_OPTIONS }) => unknown)[];
}

interface ClassPlan {
  target: Type<object>;
  properties: Map<string, PropertyPlan>;
}

/** A decorator the compiled path does not reproduce: the class keeps class-validator. */
class NotCompilable extends Error {}

const rules: Rule[] = [];
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
ajv.addKeyword({
  keyword: 'classValidator',
  schemaType: 'object',
  errors: false,
  validate: (schema: { rule: number; each: boolean }, data: unknown, _parent?: AnySchema, context?: { parentData?: unknown }) => {
    const rule = rules[schema.rule];
    const object = (context?.parentData ?? {}) as object;
    const check = (value: unknown) => {
      try {
        const valid = rule.validate(value, { targetName: rule.targetName, property: rule.metadata.propertyName, object, value, constraints: rule.metadata.constraints });
        // An asynchronous answer is left to class-validator.
        return Boolean(valid) && typeof (valid as { then?: unknown }).then !== 'function';
      } catch {
        // A check that throws (validator.js on a lone surrogate…) is class-validator's to answer, as it always did.
        return false;
      }
    };
    return schema.each && Array.isArray(data) ? data.every(check) : check(data);
  },
});

const isPrimitive = (value: unknown) => value === null || (typeof value !== 'object' && typeof value !== 'function');

/** A rule as JSON Schema: its exact (or stricter) keyword, else a call to class-validator's own check. */
function ruleSchema(metadata: ValidationMetadata, targetName: string): SchemaObject {
  if (metadata.groups?.length || metadata.always !== undefined || metadata.validateIf || metadata.context) throw new NotCompilable();
  const constraints = metadata.constraints ?? [];
  const [first] = constraints;
  if (!metadata.each) {
    switch (metadata.name) {
      case 'isString':
        return { type: 'string' };
      case 'isInt':
        return { type: 'integer' };
      case 'isBoolean':
        return { type: 'boolean' };
      case 'isIn':
        if (Array.isArray(first) && first.every(isPrimitive)) return { enum: first };
        break;
      case 'min':
        if (typeof first === 'number') return { type: 'number', minimum: first };
        break;
      case 'max':
        if (typeof first === 'number') return { type: 'number', maximum: first };
        break;
      // Ajv counts a surrogate pair as one character, as validator.js does, but not the emoji
      // presentation selectors (U+FE0E/F) that validator.js leaves out: stricter, never looser.
      case 'maxLength':
        if (typeof first === 'number') return { type: 'string', maxLength: first };
        break;
      case 'arrayMaxSize':
        if (typeof first === 'number') return { type: 'array', maxItems: first };
        break;
      case 'arrayMinSize':
        if (typeof first === 'number') return { type: 'array', minItems: first };
        break;
    }
  }
  const checks = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
  if (checks.length !== 1 || checks[0].async) throw new NotCompilable();
  const instance = checks[0].instance as { validate: Rule['validate'] };
  rules.push({ validate: instance.validate.bind(instance), metadata, targetName });
  return { classValidator: { rule: rules.length - 1, each: metadata.each === true } };
}

/** The converter of `@Type(() => Number | String | Boolean)`, as class-transformer applies it to a single value. */
const PRIMITIVE_TYPES = new Map<unknown, (value: unknown) => unknown>([
  [Number, (value) => (value === null || value === undefined ? value : Number(value))],
  [String, (value) => (value === null || value === undefined ? value : String(value))],
  [Boolean, (value) => (value === null || value === undefined ? value : Boolean(value))],
]);

interface Compiled {
  plan: ClassPlan;
  schemaName: string;
}

function compileClass(target: Type<object>, definitions: Record<string, SchemaObject>, plans: Map<Type<object>, Compiled>): Compiled {
  const known = plans.get(target);
  if (known) return known;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined);
  if (metadatas.length === 0) throw new NotCompilable();
  if (defaultMetadataStorage.getStrategy(target) !== 'none') throw new NotCompilable();
  if (defaultMetadataStorage.getExposedMetadatas(target).length || defaultMetadataStorage.getExcludedMetadatas(target).length) throw new NotCompilable();

  const schemaName = `${target.name}_${plans.size}`;
  const plan: ClassPlan = { target, properties: new Map() };
  const compiled = { plan, schemaName };
  plans.set(target, compiled);

  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [property, group] of Object.entries(storage.groupByPropertyName(metadatas))) {
    let optional = false;
    let nested = false;
    const parts: SchemaObject[] = [];
    for (const metadata of group) {
      if (metadata.type === CONDITIONAL && metadata.name === 'isOptional' && !metadata.groups?.length && metadata.always === undefined) optional = true;
      else if (metadata.type === CUSTOM) parts.push(ruleSchema(metadata, target.name));
      else if (metadata.type === NESTED && !metadata.groups?.length && metadata.always === undefined) nested = true;
      else if (metadata.type !== WHITELIST) throw new NotCompilable();
    }

    const propertyPlan: PropertyPlan = { transforms: [] };
    const descriptor = Object.getOwnPropertyDescriptor(target.prototype, property);
    if (descriptor) throw new NotCompilable();
    const typeMetadata = defaultMetadataStorage.findTypeMetadata(target, property);
    if (typeMetadata) {
      if (typeMetadata.options?.discriminator || !typeMetadata.typeFunction) throw new NotCompilable();
      const type = typeMetadata.typeFunction();
      const primitive = PRIMITIVE_TYPES.get(type);
      if (primitive) propertyPlan.primitive = primitive;
      else if (nested && typeof type === 'function') propertyPlan.nested = compileClass(type as Type<object>, definitions, plans).plan;
      else throw new NotCompilable();
    }
    if (nested) {
      // class-validator checks a nested value by its own class's rules: only a value built into that class is compiled.
      if (!propertyPlan.nested) throw new NotCompilable();
      const ref = { $ref: `#/definitions/${plans.get(propertyPlan.nested.target)!.schemaName}` };
      const reflected = Reflect.getMetadata('design:type', target.prototype, property);
      parts.push(reflected === Array ? { type: 'array', items: ref } : ref);
    }
    for (const transform of defaultMetadataStorage.findTransformMetadatas(target, property, TransformationType.PLAIN_TO_CLASS)) {
      const options = transform.options;
      if (options?.groups?.length || options?.since !== undefined || options?.until !== undefined) throw new NotCompilable();
      propertyPlan.transforms.push(transform.transformFn as PropertyPlan['transforms'][number]);
    }
    plan.properties.set(property, propertyPlan);

    const rules: SchemaObject = parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { allOf: parts };
    properties[property] = optional ? { anyOf: [{ type: 'null' }, rules] } : rules;
    if (!optional) required.push(property);
  }
  definitions[schemaName] = { type: 'object', properties, required, additionalProperties: false };
  return compiled;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** plainToInstance's result for what the plan covers; undefined for anything else (class-transformer then does it). */
function build(plan: ClassPlan, plain: Record<string, unknown>): object | undefined {
  const instance = new plan.target() as Record<string, unknown>;
  for (const key of Object.keys(plain)) {
    const property = plan.properties.get(key);
    if (!property) return undefined;
    const raw = plain[key];
    let value: unknown;
    if (property.nested) {
      if (raw === null || raw === undefined) value = raw;
      else if (Array.isArray(raw)) {
        const items: unknown[] = [];
        for (const item of raw) {
          const built = isPlainObject(item) ? build(property.nested, item) : undefined;
          if (!built) return undefined;
          items.push(built);
        }
        value = items;
      } else if (isPlainObject(raw)) {
        value = build(property.nested, raw);
        if (!value) return undefined;
      } else return undefined;
    } else {
      if (!isPrimitive(raw) && raw !== undefined) return undefined;
      value = property.primitive ? property.primitive(raw) : raw;
    }
    for (const transform of property.transforms) value = transform({ value, key, obj: plain, type: TransformationType.PLAIN_TO_CLASS, options: TRANSFORM_OPTIONS });
    instance[key] = value;
  }
  return instance;
}

const cache = new Map<Type<object>, { request: CompiledRequest; schema: SchemaObject } | null>();

function compile(target: Type<object>): { request: CompiledRequest; schema: SchemaObject } | null {
  try {
    const definitions: Record<string, SchemaObject> = {};
    const plans = new Map<Type<object>, Compiled>();
    const { plan, schemaName } = compileClass(target, definitions, plans);
    const schema: SchemaObject = { $ref: `#/definitions/${schemaName}`, definitions };
    const validate: ValidateFunction = ajv.compile(schema);
    const request: CompiledRequest = (plain) => {
      try {
        const instance = build(plan, plain);
        return instance && validate(instance) ? instance : undefined;
      } catch {
        // A @Transform that throws: class-transformer's to answer, as it always did.
        return undefined;
      }
    };
    return { request, schema };
  } catch {
    // Not compilable (NotCompilable), or a schema Ajv refuses: class-validator keeps the class.
    return null;
  }
}

/** The compiled form of a request class (compiled on first use, then kept), or null: class-validator keeps it. */
export function compiledRequest(target: Type<object>): CompiledRequest | null {
  if (!cache.has(target)) cache.set(target, compile(target));
  return cache.get(target)?.request ?? null;
}

/** The JSON schema a request class compiles to (null when it is not compiled), for tests and docs. */
export function requestSchema(target: Type<object>): SchemaObject | null {
  compiledRequest(target);
  return cache.get(target)?.schema ?? null;
}

/** A plain object (parsed JSON, a query string's object), which is what the compiled path takes. */
export { isPlainObject };
