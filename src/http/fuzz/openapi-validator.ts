import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { OpenApiDocument } from './openapi-operations.ts';
import type { SchemaObject } from './json-schema-arbitrary.ts';

// ajv-formats is CommonJS: its module object is the plugin function itself.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;

export interface OpenApiValidator {
  /** Problems of `value` against the schema at a JSON pointer into the document (`#/paths/…`); empty when it matches. */
  problemsAt(pointer: string, value: unknown): string[];
  /** Whether a (ref-resolved) schema accepts `value`. */
  accepts(schema: SchemaObject, value: unknown): boolean;
}

const documentId = 'leadpact-openapi.json';

/**
 * JSON Schema 2020-12 validation (OpenAPI 3.1's dialect) of values against the document's schemas,
 * with the standard formats (uuid, email, date-time, date, …). OpenAPI-only keywords (`example`)
 * are ignored and `binary` accepts any string. Compiled validators are cached.
 */
export function createOpenApiValidator(document: OpenApiDocument): OpenApiValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...(document as object), $id: documentId });
  const byPointer = new Map<string, ValidateFunction>();
  const bySchema = new WeakMap<SchemaObject, ValidateFunction>();

  function describe(validate: ValidateFunction): string[] {
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : ''}`);
  }

  return {
    problemsAt(pointer, value) {
      let validate = byPointer.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${documentId}${pointer}` });
        byPointer.set(pointer, validate);
      }
      return validate(value) ? [] : describe(validate);
    },
    accepts(schema, value) {
      let validate = bySchema.get(schema);
      if (!validate) {
        validate = ajv.compile(schema);
        bySchema.set(schema, validate);
      }
      return validate(value);
    },
  };
}
