import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidValueArbitrary } from './invalid-value-arbitrary.ts';
import { noSuggestions, validValueArbitrary, type SchemaObject, type ValueSuggestions } from './json-schema-arbitrary.ts';
import { createOpenApiValidator } from './openapi-validator.ts';

const validator = createOpenApiValidator({ paths: {} });

/** The JSON Schema features the leadpact document uses, each in a small schema. */
const schemas: Record<string, SchemaObject> = {
  'enum and nullable enum': { type: ['string', 'null'], enum: ['field', 'inside', null] },
  'uuid': { type: 'string', format: 'uuid' },
  'email with a length limit': { type: 'string', format: 'email', maxLength: 40 },
  'date-time': { type: 'string', format: 'date-time' },
  'date or null': { type: ['string', 'null'], format: 'date' },
  'pattern': { type: 'string', pattern: '^[A-Z]{3}$' },
  'lengths': { type: 'string', minLength: 3, maxLength: 8 },
  'integer range': { type: 'integer', minimum: 1, maximum: 500 },
  'integer from zero, no maximum': { type: 'integer', minimum: 0 },
  'number': { type: 'number' },
  'array of enums': { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1, maxItems: 3 },
  'strict object': {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1, maxLength: 20 }, employees: { type: ['integer', 'null'], minimum: 0, maximum: 100 }, touch: { type: 'object', properties: { type: { type: 'string', enum: ['webinar'] } }, required: ['type'], additionalProperties: false } },
    required: ['name'],
    additionalProperties: false,
  },
  'record of scalars': { type: 'object', additionalProperties: { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] } },
  'one of two objects': {
    oneOf: [
      { type: 'object', properties: { action: { type: 'string', enum: ['record'] }, basis: { type: 'string', enum: ['consent'] } }, required: ['action', 'basis'], additionalProperties: false },
      { type: 'object', properties: { action: { type: 'string', enum: ['withdraw'] } }, required: ['action'], additionalProperties: false },
    ],
  },
  'object or text': { anyOf: [{ type: 'object', additionalProperties: {} }, { type: 'string' }] },
};

describe('validValueArbitrary', () => {
  it.each(Object.entries(schemas))('every value it makes for %s satisfies the schema', (_name, schema) => {
    fc.assert(
      fc.property(validValueArbitrary(schema), (value) => {
        expect(validator.accepts(schema, value), JSON.stringify(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('draws suggested values the schema accepts, and never the ones it refuses', () => {
    const suggestions: ValueSuggestions = { suggest: (name) => (name === 'currency' ? ['EUR', 'eur', 'EURO'] : []), accepts: validator.accepts };
    const drawn = fc.sample(validValueArbitrary({ type: 'string', pattern: '^[A-Z]{3}$' }, suggestions, 'currency'), 400);
    expect(drawn).toContain('EUR');
    expect(drawn).not.toContain('eur');
    expect(drawn).not.toContain('EURO');
  });
});

describe('invalidValueArbitrary', () => {
  it.each(Object.entries(schemas).filter(([name]) => name !== 'object or text' && name !== 'record of scalars' && name !== 'number'))('every value it makes for %s breaks the schema', (_name, schema) => {
    const invalid = invalidValueArbitrary(schema, noSuggestions);
    expect(invalid).not.toBeNull();
    fc.assert(
      fc.property(invalid!, ({ value, mutation }) => {
        expect(validator.accepts(schema, value), `${mutation}: ${JSON.stringify(value)?.slice(0, 200)}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('has nothing to offer for a schema that accepts anything', () => {
    expect(invalidValueArbitrary({}, noSuggestions)).toBeNull();
    expect(invalidValueArbitrary({ anyOf: [{ type: 'object', additionalProperties: {} }, {}] }, noSuggestions)).toBeNull();
  });
});
