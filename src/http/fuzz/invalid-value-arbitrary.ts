import fc from 'fast-check';
import { hostileStrings } from './hostile-strings.ts';
import {
  anyJsonArbitrary,
  asSchemaObject,
  inventedKeyArbitrary,
  jsonTypeOf,
  typesOf,
  validValueArbitrary,
  type JsonType,
  type SchemaObject,
  type ValueSuggestions,
} from './json-schema-arbitrary.ts';
import type { JsonSchema } from './openapi-operations.ts';

/** A value meant to break a schema, with what was done to it (for reports and counterexamples). */
export interface InvalidValue {
  value: unknown;
  /** `email: too long`, `(root): missing required name`, … */
  mutation: string;
}

const sampleOfType: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 10 })),
  number: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1.5, -0.5, 1e300, -1e300)),
  integer: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 - 1, -(2 ** 53) + 1)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
};

function label(path: string, what: string): string {
  return `${path || '(root)'}: ${what}`;
}

function mutation(path: string, what: string, values: fc.Arbitrary<unknown>): fc.Arbitrary<InvalidValue> {
  return values.map((value) => ({ value, mutation: label(path, what) }));
}

function wrongTypeMutation(schema: SchemaObject, path: string): fc.Arbitrary<InvalidValue> | null {
  const types = typesOf(schema);
  if (!types || Array.isArray(schema.enum) || 'const' in schema) return null;
  const admitted = new Set<JsonType>(types.includes('number') ? [...types, 'integer'] : types);
  const wrong = (Object.keys(sampleOfType) as JsonType[]).filter((type) => !admitted.has(type) && !(type === 'integer' && admitted.has('number')));
  if (wrong.length === 0) return null;
  // An integer where a number is admitted is fine, a string of digits where a number is wanted is not.
  return fc.constantFrom(...wrong).chain((type) => mutation(path, `a ${type} instead of ${types.join(' or ')}`, sampleOfType[type].filter((value) => !types.includes(jsonTypeOf(value)) && !(jsonTypeOf(value) === 'integer' && types.includes('number')))));
}

function stringMutations(schema: SchemaObject, path: string): fc.Arbitrary<InvalidValue>[] {
  const found: fc.Arbitrary<InvalidValue>[] = [];
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : null;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  // Past the documented length, and far past it (100k characters) to find unbounded columns and slow paths.
  const huge = 100_000;
  const longLength = maxLength === null ? fc.constant(huge) : fc.oneof(fc.constant(maxLength + 1), fc.integer({ min: maxLength + 1, max: maxLength * 3 + 10 }), fc.constant(Math.max(huge, maxLength + 1)));
  // One code point per unit (JSON Schema counts code points), the emoji two UTF-16 units (zod counts those).
  const unit = fc.constantFrom('x', 'é', '😀', "'", '\u0000');
  found.push(mutation(path, maxLength === null ? 'huge string' : `longer than ${maxLength}`, fc.tuple(longLength, unit).map(([length, text]) => text.repeat(length))));
  if (minLength > 0) found.push(mutation(path, `shorter than ${minLength}`, fc.string({ maxLength: minLength - 1, unit: 'binary-ascii' })));
  if (Array.isArray(schema.enum)) {
    const allowed = new Set(schema.enum as unknown[]);
    const near = (schema.enum as unknown[]).filter((value): value is string => typeof value === 'string').flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value}\u0000`, value.slice(0, -1)]);
    found.push(mutation(path, 'not one of the enum', fc.constantFrom(...near, ...hostileStrings).filter((value) => !allowed.has(value))));
  }
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u');
    found.push(mutation(path, `not matching ${schema.pattern}`, fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 10 })).filter((value) => !pattern.test(value))));
  }
  const badFormats: Record<string, string[]> = {
    uuid: ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', '123', '{00000000-0000-4000-8000-000000000000}', '00000000000040008000000000000000', "00000000-0000-4000-8000-000000000000'--"],
    email: ['no-at-sign', 'a@', '@b.c', 'a@b@c.d', 'a b@c.d', 'a@b..c', '<a@b.c>'],
    'date-time': ['yesterday', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01T25:00:00Z', '2026-01-01', '0000-00-00T00:00:00Z', '275760-09-13T00:00:00.001Z', '1e12', '2026-01-01T00:00:00+99:00'],
    date: ['2026-02-30', '2026-13-01', '26-01-01', '2026/01/01', 'today', '2026-01-01T00:00:00Z', '99999-01-01'],
  };
  const badFormat = typeof schema.format === 'string' ? badFormats[schema.format] : undefined;
  if (badFormat) found.push(mutation(path, `not a valid ${String(schema.format)}`, fc.constantFrom(...badFormat)));
  return found;
}

function numberMutations(schema: SchemaObject, path: string, integer: boolean): fc.Arbitrary<InvalidValue>[] {
  const found: fc.Arbitrary<InvalidValue>[] = [];
  // The largest value under the range and the smallest over it (an exclusive bound is itself outside).
  const under = typeof schema.minimum === 'number' ? schema.minimum - 1 : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : null;
  const over = typeof schema.maximum === 'number' ? schema.maximum + 1 : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : null;
  if (under !== null) found.push(mutation(path, `below the minimum`, fc.constantFrom(under, Math.min(under, -1), Number.MIN_SAFE_INTEGER, -1e300)));
  if (over !== null) found.push(mutation(path, `above the maximum`, fc.constantFrom(over, Math.max(over, over * 2), 1e300)));
  if (integer) found.push(mutation(path, 'not an integer', fc.constantFrom(0.5, 1.25, -2.5, 1e-9, 12345.678)));
  found.push(mutation(path, 'a number as text', fc.constantFrom('1', '0', '-1', '1e3', '0x10', 'NaN', 'Infinity', '')));
  return found;
}

function arrayMutations(schema: SchemaObject, suggestions: ValueSuggestions, path: string): fc.Arbitrary<InvalidValue>[] {
  const found: fc.Arbitrary<InvalidValue>[] = [];
  const items = asSchemaObject(schema.items as JsonSchema | undefined);
  if (typeof schema.minItems === 'number' && schema.minItems > 0) found.push(mutation(path, `fewer than ${schema.minItems} items`, fc.array(validValueArbitrary(items, suggestions), { maxLength: schema.minItems - 1 })));
  if (typeof schema.maxItems === 'number') found.push(mutation(path, `more than ${schema.maxItems} items`, fc.array(validValueArbitrary(items, suggestions), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 })));
  const itemMutation = invalidValueArbitrary(items, suggestions, `${path}[0]`);
  if (itemMutation) found.push(fc.tuple(itemMutation, fc.array(validValueArbitrary(items, suggestions), { maxLength: 2 })).map(([bad, rest]) => ({ value: [bad.value, ...rest], mutation: bad.mutation })));
  return found;
}

function objectMutations(schema: SchemaObject, suggestions: ValueSuggestions, path: string): fc.Arbitrary<InvalidValue>[] {
  const found: fc.Arbitrary<InvalidValue>[] = [];
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = (schema.required as string[] | undefined) ?? [];
  const valid = validValueArbitrary({ ...schema, type: 'object' }, suggestions) as fc.Arbitrary<Record<string, unknown>>;
  const prefix = path ? `${path}.` : '';
  if (required.length > 0) {
    found.push(fc.tuple(valid, fc.constantFrom(...required)).map(([value, missing]) => {
      const { [missing]: _dropped, ...rest } = value;
      return { value: rest, mutation: label(path, `missing required ${missing}`) };
    }));
  }
  if (schema.additionalProperties === false) {
    found.push(fc.tuple(valid, inventedKeyArbitrary.filter((key) => !(key in properties)), anyJsonArbitrary).map(([value, key, extra]) => ({ value: { ...value, [key]: extra }, mutation: label(path, `unknown property ${JSON.stringify(key)}`) })));
  }
  const mutable = Object.entries(properties)
    .map(([key, property]) => ({ key, broken: invalidValueArbitrary(asSchemaObject(property), suggestions, `${prefix}${key}`) }))
    .filter((entry): entry is { key: string; broken: fc.Arbitrary<InvalidValue> } => entry.broken !== null);
  if (mutable.length > 0) {
    found.push(fc.tuple(valid, fc.oneof(...mutable.map(({ key, broken }) => broken.map((bad) => ({ key, bad }))))).map(([value, { key, bad }]) => ({ value: { ...value, [key]: bad.value }, mutation: bad.mutation })));
  }
  const additional = schema.additionalProperties;
  if (additional !== undefined && typeof additional === 'object') {
    const broken = invalidValueArbitrary(asSchemaObject(additional as JsonSchema), suggestions, `${prefix}*`);
    if (broken) found.push(fc.tuple(valid, inventedKeyArbitrary.filter((key) => !(key in properties)), broken).map(([value, key, bad]) => ({ value: { ...value, [key]: bad.value }, mutation: bad.mutation })));
  }
  return found;
}

/**
 * Values that break `schema` in one place: a wrong type, a missing required or an unknown property,
 * a string too long (up to 100k characters) or too short, outside its enum, pattern or format, a
 * number out of range or not an integer, too many or too few items. Best effort: a mutation may
 * happen to be valid (the caller checks with a validator before expecting a refusal). Null when the
 * schema accepts anything.
 */
export function invalidValueArbitrary(schema: SchemaObject, suggestions: ValueSuggestions, path = ''): fc.Arbitrary<InvalidValue> | null {
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    // A value no branch accepts: only a wrong type is sure to do that, when every branch states its types.
    const branches = ((schema.anyOf ?? schema.oneOf) as JsonSchema[]).map(asSchemaObject);
    const types = branches.map(typesOf);
    if (types.some((branchTypes) => branchTypes === null)) return null;
    return wrongTypeMutation({ type: [...new Set(types.flat())] }, path);
  }
  const found: fc.Arbitrary<InvalidValue>[] = [];
  const wrongType = wrongTypeMutation(schema, path);
  if (wrongType) found.push(wrongType);
  const types = typesOf(schema) ?? [];
  if (types.includes('string')) found.push(...stringMutations(schema, path));
  if (types.includes('integer')) found.push(...numberMutations(schema, path, true));
  else if (types.includes('number')) found.push(...numberMutations(schema, path, false));
  if (types.includes('array')) found.push(...arrayMutations(schema, suggestions, path));
  if (types.includes('object')) found.push(...objectMutations(schema, suggestions, path));
  return found.length > 0 ? fc.oneof(...found) : null;
}
