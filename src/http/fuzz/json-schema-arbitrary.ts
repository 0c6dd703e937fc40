import fc from 'fast-check';
import { hostileStringArbitrary } from './hostile-strings.ts';
import type { JsonSchema } from './openapi-operations.ts';

/** A schema object (refs already resolved, see resolveRefs). */
export type SchemaObject = Record<string, unknown>;

/**
 * Where the generators get values worth more than random ones: ids of records that exist, e-mails of
 * people leadpact knows, realistic text for a field of that name. `name` is the nearest property or
 * parameter name (`leadId`, `email`, `id` of `/api/leads/{id}` is passed as `leads/id`).
 * A finite list (possibly empty): the generators keep the values the schema accepts and draw from them.
 */
export interface ValueSuggestions {
  suggest(name: string | undefined, schema: SchemaObject): readonly unknown[];
  /** Whether `schema` accepts `value` (a validator): suggestions the schema refuses are not used as valid values. */
  accepts(schema: SchemaObject, value: unknown): boolean;
}

export const noSuggestions: ValueSuggestions = { suggest: () => [], accepts: () => false };

const jsonTypes = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] as const;
export type JsonType = (typeof jsonTypes)[number];

export function asSchemaObject(schema: JsonSchema | undefined): SchemaObject {
  if (schema === undefined || schema === true) return {};
  if (schema === false) return { not: {} };
  return schema;
}

/** The JSON types a schema admits, or null when it does not say (any type). */
export function typesOf(schema: SchemaObject): JsonType[] | null {
  if (typeof schema.type === 'string') return [schema.type as JsonType];
  if (Array.isArray(schema.type)) return schema.type as JsonType[];
  if ('const' in schema) return [jsonTypeOf(schema.const)];
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map(jsonTypeOf))];
  if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.required !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return null;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function numberKeyword(schema: SchemaObject, keyword: string): number | undefined {
  return typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined;
}

/** JSON Schema (and ajv) count a string's length in code points, not UTF-16 units. */
function codePointLength(text: string): number {
  return [...text].length;
}

const dayMs = 86_400_000;
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(2099, 11, 31);

function dateTimeArbitrary(): fc.Arbitrary<string> {
  const instant = fc.integer({ min: earliest, max: latest }).map((ms) => new Date(ms));
  return fc.oneof(
    { weight: 4, arbitrary: instant.map((date) => date.toISOString()) },
    { weight: 1, arbitrary: instant.map((date) => `${date.toISOString().slice(0, 19)}Z`) },
    { weight: 1, arbitrary: fc.tuple(instant, fc.integer({ min: -12, max: 14 })).map(([date, hours]) => `${new Date(date.getTime() + hours * 3_600_000).toISOString().slice(0, 19)}${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`) },
  );
}

function dateArbitrary(): fc.Arbitrary<string> {
  return fc.integer({ min: earliest / dayMs, max: latest / dayMs }).map((day) => new Date(day * dayMs).toISOString().slice(0, 10));
}

function plainStringArbitrary(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const cap = Math.min(maxLength, Math.max(minLength, 40));
  const hostile = hostileStringArbitrary(minLength, maxLength);
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: fc.string({ minLength, maxLength: cap }) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength: cap, unit: 'grapheme' }).filter((text) => codePointLength(text) <= maxLength) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength: cap, unit: 'binary' }).filter((text) => codePointLength(text) <= maxLength) },
  ];
  if (hostile) arbitraries.push({ weight: 2, arbitrary: hostile });
  return fc.oneof(...arbitraries);
}

function stringArbitrary(schema: SchemaObject): fc.Arbitrary<string> {
  const minLength = numberKeyword(schema, 'minLength') ?? 0;
  const maxLength = numberKeyword(schema, 'maxLength') ?? 300;
  const fits = (text: string) => codePointLength(text) >= minLength && codePointLength(text) <= maxLength;
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  if (schema.format === 'email') return fc.emailAddress().filter(fits);
  if (schema.format === 'date-time') return dateTimeArbitrary();
  if (schema.format === 'date') return dateArbitrary();
  return plainStringArbitrary(minLength, maxLength);
}

function integerArbitrary(schema: SchemaObject): fc.Arbitrary<number> {
  const exclusiveMinimum = numberKeyword(schema, 'exclusiveMinimum');
  const exclusiveMaximum = numberKeyword(schema, 'exclusiveMaximum');
  const min = Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(numberKeyword(schema, 'minimum') ?? (exclusiveMinimum !== undefined ? exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER)));
  const max = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(numberKeyword(schema, 'maximum') ?? (exclusiveMaximum !== undefined ? exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER)));
  // Small values most of the time (they reach further), the edges of the documented range sometimes.
  const small = fc.integer({ min: Math.max(min, Math.min(max, -1000)), max: Math.min(max, Math.max(min, 1000)) });
  return fc.oneof({ weight: 5, arbitrary: small }, { weight: 2, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

function numberArbitrary(schema: SchemaObject): fc.Arbitrary<number> {
  const min = numberKeyword(schema, 'minimum') ?? numberKeyword(schema, 'exclusiveMinimum') ?? -1e12;
  const max = numberKeyword(schema, 'maximum') ?? numberKeyword(schema, 'exclusiveMaximum') ?? 1e12;
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: 'exclusiveMinimum' in schema, maxExcluded: 'exclusiveMaximum' in schema })
    .map((value) => (Object.is(value, -0) ? 0 : value));
}

function arrayArbitrary(schema: SchemaObject, suggestions: ValueSuggestions, name: string | undefined): fc.Arbitrary<unknown[]> {
  const minLength = numberKeyword(schema, 'minItems') ?? 0;
  const maxLength = Math.min(numberKeyword(schema, 'maxItems') ?? 5, Math.max(minLength, 5));
  const items = validValueArbitrary(asSchemaObject(schema.items as JsonSchema | undefined), suggestions, name);
  return schema.uniqueItems === true ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) }) : fc.array(items, { minLength, maxLength });
}

/** Property names a client might invent; prototype-polluting ones included. */
export const inventedKeyArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', '$where', 'a.b', 'a[0]', ''),
);

function objectArbitrary(schema: SchemaObject, suggestions: ValueSuggestions): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValueArbitrary(asSchemaObject(property), suggestions, key)]));
  const known = fc.record(model, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
  const additional = schema.additionalProperties;
  if (additional === false || (additional === undefined && Object.keys(properties).length > 0)) return known;
  const valueSchema = asSchemaObject(additional as JsonSchema | undefined);
  const extraKeys = inventedKeyArbitrary.filter((key) => !(key in properties));
  const extras = fc.dictionary(extraKeys, validValueArbitrary(valueSchema, suggestions, undefined), { maxKeys: 4 });
  return fc.tuple(known, extras).map(([fixed, free]) => ({ ...free, ...fixed }));
}

/** Any JSON value, kept shallow so requests stay small. */
export const anyJsonArbitrary: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

function mergedAllOf(schema: SchemaObject): SchemaObject {
  const parts = (schema.allOf as JsonSchema[]).map(asSchemaObject);
  const { allOf: _ignored, ...rest } = schema;
  return parts.reduce<SchemaObject>(
    (merged, part) => ({
      ...merged,
      ...part,
      properties: { ...(merged.properties as object | undefined), ...(part.properties as object | undefined) },
      required: [...((merged.required as string[] | undefined) ?? []), ...((part.required as string[] | undefined) ?? [])],
    }),
    rest,
  );
}

/**
 * Values the schema accepts: types, enums, formats (uuid, email, date-time, date), patterns,
 * lengths, ranges, required and additional properties. Plain strings include hostile text
 * (injections, NUL, lone surrogates, …) whenever it fits the length: valid by the schema, still
 * something the server must survive. Suggested values for the name (real ids, known e-mails) are
 * drawn three times in four when the schema accepts any. Unsupported keywords are ignored.
 */
export function validValueArbitrary(schema: SchemaObject, suggestions: ValueSuggestions = noSuggestions, name?: string): fc.Arbitrary<unknown> {
  const generated = generatedValueArbitrary(schema, suggestions, name);
  const accepted = suggestions.suggest(name, schema).filter((value) => suggestions.accepts(schema, value));
  return accepted.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...accepted) }, { weight: 1, arbitrary: generated }) : generated;
}

function generatedValueArbitrary(schema: SchemaObject, suggestions: ValueSuggestions, name: string | undefined): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.allOf)) return generatedValueArbitrary(mergedAllOf(schema), suggestions, name);
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
    return fc.oneof(...((schema.anyOf ?? schema.oneOf) as JsonSchema[]).map((branch) => generatedValueArbitrary({ ...rest, ...asSchemaObject(branch) }, suggestions, name)));
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = typesOf(schema);
  if (!types) return anyJsonArbitrary;
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArbitrary(schema);
        case 'integer':
          return integerArbitrary(schema);
        case 'number':
          return numberArbitrary(schema);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return arrayArbitrary(schema, suggestions, name);
        case 'object':
          return objectArbitrary(schema, suggestions);
      }
    }),
  );
}
