import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { Type, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { compiledRequest, requestSchema } from './compiled-validation.js';
import { createValidationPipe } from './validation.js';

/**
 * The compiled path may only ACCEPT, and only what class-validator accepts, built into the very
 * instance class-transformer builds: checked on every request class of the API against values
 * generated from its own rules (each property in turn set to every edge value), through the
 * reflection path alone (a plain ValidationPipe with the same options).
 */
const here = dirname(fileURLToPath(import.meta.url));
const apiRoot = join(here, '..');

function dtoFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'console' ? [] : dtoFiles(path);
    return /\.(dto|controller)\.ts$/.test(entry.name) ? [path] : [];
  });
}

async function requestClasses(): Promise<Type<object>[]> {
  const storage = getMetadataStorage();
  const classes = new Set<Type<object>>();
  for (const file of dtoFiles(apiRoot)) {
    const module = (await import(`./${relative(here, file).replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      if (typeof exported === 'function' && storage.getTargetValidationMetadatas(exported, '', false, false, undefined).length > 0) classes.add(exported as Type<object>);
    }
  }
  return [...classes];
}

const UUID = '0b9d3c7e-6f3e-4c1e-9a39-2f1c3f0f7a11';
const GENERIC: unknown[] = [
  null, '', 'a', 'abc', 'kg', UUID, UUID.toUpperCase(), '0b9d3c7e6f3e4c1e9a392f1c3f0f7a11', '2026-10-05T08:30:00+07:00', '2026-10-05', '12.5', '-1', '0', '1', '20', ' 20 ', '1e1', '0x10',
  '1.5', 'true', 'false', 'mười', 'Gạo nếp Séng Cù', 'x\u0001y', '\uFE0F', '\uD83C\uDF3E', '\uD800', 0, 1, -1, 1.5, 20, 200, 201, 1e9, true, false, [], ['a'], [UUID], [1], [{}], {},
  { type: 'Point', coordinates: [103, 21.4] },
];

/** Edge values a property's own rules suggest: each allowed value, each bound and one past it, as numbers and as text. */
function edgeValues(target: Type<object>, property: string): unknown[] {
  const values: unknown[] = [];
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', false, false, undefined)) {
    if (metadata.propertyName !== property) continue;
    const [first] = metadata.constraints ?? [];
    if (metadata.name === 'isIn' && Array.isArray(first)) values.push(...first, ...first.map((v) => [v]));
    if ((metadata.name === 'min' || metadata.name === 'max') && typeof first === 'number') {
      for (const n of [first - 1, first, first + 1, first + 0.5]) values.push(n, String(n));
    }
    if ((metadata.name === 'maxLength' || metadata.name === 'minLength' || metadata.name === 'length') && typeof first === 'number') {
      for (const n of [Math.max(first - 1, 0), first, first + 1]) values.push('x'.repeat(n), `${'x'.repeat(Math.max(n - 1, 0))}\uFE0F`, '\uD83C\uDF3E'.repeat(n));
    }
    if ((metadata.name === 'arrayMaxSize' || metadata.name === 'arrayMinSize') && typeof first === 'number') {
      for (const n of [Math.max(first - 1, 0), first, first + 1]) values.push(Array.from({ length: n }, () => 'a'));
    }
  }
  return values;
}

const reflection = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
const viaReflection = async (value: unknown, target: Type<object>) => {
  try {
    return { ok: true as const, value: (await reflection.transform(structuredClone(value), { type: 'body', metatype: target, data: '' })) as object };
  } catch {
    return { ok: false as const };
  }
};

/** The properties class-validator knows on a class, with the nested class of each @ValidateNested one. */
function propertiesOf(target: Type<object>): string[] {
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(target, '', false, false, undefined).map((m) => m.propertyName))];
}

/** A value class-validator accepts, found property by property among the candidates (nested classes recursively); null when none is found. */
async function validSample(target: Type<object>, depth = 0): Promise<Record<string, unknown> | null> {
  if (depth > 3) return null;
  const sample: Record<string, unknown> = {};
  for (const property of propertiesOf(target)) {
    if ((await viaReflection(sample, target)).ok) break;
    const candidates = [...edgeValues(target, property), ...GENERIC];
    const nested = await nestedSample(target, property, depth);
    if (nested) candidates.unshift(nested, [nested]);
    for (const candidate of candidates) {
      const attempt = { ...sample, [property]: candidate };
      const errors = await reflectionErrors(attempt, target);
      if (!errors.includes(property)) {
        sample[property] = candidate;
        break;
      }
    }
  }
  return (await viaReflection(sample, target)).ok ? sample : null;
}

async function nestedSample(target: Type<object>, property: string, depth: number): Promise<Record<string, unknown> | null> {
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', false, false, undefined)
    .find((m) => m.propertyName === property && m.type === 'nestedValidation');
  if (!metadata) return null;
  const { defaultMetadataStorage } = (await import('class-transformer/cjs/storage.js' as string)) as {
    defaultMetadataStorage: { findTypeMetadata: (t: unknown, p: string) => { typeFunction?: () => unknown } | undefined };
  };
  const type = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction?.();
  return typeof type === 'function' ? validSample(type as Type<object>, depth + 1) : null;
}

async function reflectionErrors(value: unknown, target: Type<object>): Promise<string[]> {
  try {
    await reflection.transform(structuredClone(value), { type: 'body', metatype: target, data: '' });
    return [];
  } catch (error) {
    const details = (error as { getResponse?: () => { message?: string[] } }).getResponse?.();
    return (details?.message ?? []).map((message) => message.split(/[ .]/)[0]);
  }
}

describe('compiled request validation', () => {
  it('accepts only what class-validator accepts, built into the same instance, on every request class', async () => {
    const classes = await requestClasses();
    expect(classes.length).toBeGreaterThan(60);
    let compared = 0;
    let acceptedFast = 0;
    let acceptedSlow = 0;
    const compiled = classes.filter((target) => compiledRequest(target));
    for (const target of compiled) {
      const fast = compiledRequest(target)!;
      const base = (await validSample(target)) ?? {};
      const values: Record<string, unknown>[] = [base, { ...base, unknownField: 'x' }, {}];
      for (const property of propertiesOf(target)) {
        const nested = await nestedSample(target, property, 0);
        for (const candidate of [...edgeValues(target, property), ...GENERIC, ...(nested ? [nested, [nested], [nested, nested], [{ ...nested, extra: 1 }]] : [])]) {
          values.push({ ...base, [property]: candidate });
        }
        const { [property]: _left, ...without } = base;
        values.push(without);
      }
      for (const value of values) {
        const slow = await viaReflection(value, target);
        const quick = fast(structuredClone(value));
        compared++;
        if (slow.ok) acceptedSlow++;
        if (quick === undefined) continue;
        acceptedFast++;
        if (!slow.ok) throw new Error(`${target.name}: the compiled path accepts ${JSON.stringify(value)}, class-validator refuses it`);
        expect(quick).toStrictEqual(slow.value);
      }
    }
    // Most of what class-validator accepts takes the compiled path (the rest only costs the old way).
    expect(acceptedFast / acceptedSlow).toBeGreaterThan(0.8);
    expect(compared).toBeGreaterThan(5_000);
  });

  it('compiles the hot request classes', async () => {
    const { LotListQueryDto, ShipDto, HarvestDto, TransformDto, SplitDto, InspectDto } = await import('../lots/dto/index.js');
    const { PartnerListQueryDto } = await import('../registry/partners/dto/index.js');
    for (const target of [LotListQueryDto, ShipDto, HarvestDto, TransformDto, SplitDto, InspectDto, PartnerListQueryDto]) expect(requestSchema(target)).not.toBeNull();
    const ship = compiledRequest(ShipDto)!;
    const body = { partnerId: UUID, quantity: '10', unit: 'kg', shippedAt: '2026-10-05T08:30:00+07:00', documents: [{ type: 'invoice', number: 'HĐ 1' }] };
    expect(ship(body)).toBeInstanceOf(ShipDto);
    expect(compiledRequest(LotListQueryDto)!({ limit: '20', total: 'true' })).toMatchObject({ limit: 20, total: true });
  });

  it('leaves a refused value to class-validator, whose error names the field as before', async () => {
    const { LotListQueryDto } = await import('../lots/dto/index.js');
    const pipe = createValidationPipe();
    const error = await pipe.transform({ limit: '0' }, { type: 'query', metatype: LotListQueryDto, data: undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'limit: limit must not be less than 1', details: { field: 'limit', rules: { limit: ['min'] } } });
  });
});
