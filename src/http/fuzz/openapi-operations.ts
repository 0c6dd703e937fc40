/**
 * The operations of an OpenAPI 3.1 document, in the shape the fuzzer needs: parameters and request
 * bodies with their JSON Schemas ($refs resolved), the statuses each operation documents and a JSON
 * pointer to each response schema (for the validator, which resolves refs itself).
 */

/** A JSON Schema as it appears in the document (2020-12 subset that zod-openapi emits). */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface DocumentedResponse {
  /** Media types the response documents; empty when it has no body (204, 303). */
  contentTypes: string[];
  /** JSON pointer of the `application/json` schema inside the document, when there is one. */
  jsonSchemaPointer: string | null;
}

export interface ApiOperation {
  /** `POST /api/leads/{id}/merge`: how reports and counterexamples name the operation. */
  key: string;
  method: string;
  /** The path template, `{name}` for each path parameter. */
  path: string;
  parameters: OperationParameter[];
  /** Request body media types and their schemas (refs resolved), or null when it takes none. */
  requestBody: { required: boolean; content: Record<string, JsonSchema> } | null;
  /** By status text (`"200"`, `"404"`, or `"default"`). */
  responses: Record<string, DocumentedResponse>;
  /** `security: []` or an alternative `{}`: reachable without credentials. */
  allowsAnonymous: boolean;
  /** Some security requirement names a scheme (or the document's default applies): credentials are looked at. */
  takesCredentials: boolean;
}

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function lookupPointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') throw new Error(`$ref ${ref} does not resolve`);
    node = (node as Record<string, unknown>)[segment];
  }
  if (node === undefined) throw new Error(`$ref ${ref} does not resolve`);
  return node;
}

/**
 * A copy of `value` with every local `$ref` replaced by what it points to (sibling keywords kept).
 * Throws on a cyclic reference: the generators need a finite schema.
 */
export function resolveRefs(document: unknown, value: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(document, item, seen));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$ref === 'string') {
    const ref = record.$ref;
    if (seen.includes(ref)) throw new Error(`cyclic $ref ${ref}`);
    const { $ref: _ignored, ...siblings } = record;
    const target = resolveRefs(document, lookupPointer(document, ref), [...seen, ref]) as Record<string, unknown>;
    return { ...target, ...(resolveRefs(document, siblings, seen) as Record<string, unknown>) };
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, resolveRefs(document, item, seen)]));
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    const shared = Array.isArray((pathItem as { parameters?: unknown }).parameters) ? ((pathItem as { parameters: unknown[] }).parameters) : [];
    for (const [method, rawOperation] of Object.entries(pathItem)) {
      if (!httpMethods.has(method)) continue;
      const operation = resolveRefs(document, rawOperation) as Record<string, unknown>;
      const parameters = [...(resolveRefs(document, shared) as unknown[]), ...((operation.parameters as unknown[] | undefined) ?? [])].map((raw) => {
        const parameter = raw as { name: string; in: OperationParameter['in']; required?: boolean; schema?: JsonSchema };
        return { name: parameter.name, in: parameter.in, required: parameter.required === true || parameter.in === 'path', schema: parameter.schema ?? {} };
      });
      const body = operation.requestBody as { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } | undefined;
      const requestBody = body?.content
        ? { required: body.required === true, content: Object.fromEntries(Object.entries(body.content).map(([type, media]) => [type, media.schema ?? {}])) }
        : null;
      const responses: Record<string, DocumentedResponse> = {};
      for (const [status, rawResponse] of Object.entries((operation.responses as Record<string, { content?: Record<string, unknown> }> | undefined) ?? {})) {
        const contentTypes = Object.keys(rawResponse.content ?? {});
        const jsonType = contentTypes.find((type) => type === 'application/json');
        responses[status] = {
          contentTypes,
          jsonSchemaPointer: jsonType ? `#/paths/${escapePointer(path)}/${method}/responses/${status}/content/${escapePointer(jsonType)}/schema` : null,
        };
      }
      const security = operation.security as Record<string, unknown>[] | undefined;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        requestBody,
        responses,
        allowsAnonymous: security !== undefined && (security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0)),
        takesCredentials: security === undefined || security.some((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  return operations;
}
