import fc from 'fast-check';
import { invalidValueArbitrary, type InvalidValue } from './invalid-value-arbitrary.ts';
import { asSchemaObject, validValueArbitrary, type ValueSuggestions } from './json-schema-arbitrary.ts';
import type { ApiOperation, JsonSchema } from './openapi-operations.ts';

/** Who sends a fuzz request; the fuzz world turns each into headers. */
export const fuzzPrincipals = ['admin', 'rep', 'session', 'csrf-less', 'anonymous', 'forged'] as const;
export type FuzzPrincipal = (typeof fuzzPrincipals)[number];

export type FuzzBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; contentType: string | null; text: string }
  | { kind: 'bytes'; contentType: string; bytes: number[] }
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'multipart'; fields: Record<string, string>; files: Record<string, { fileName: string; text: string }> };

/**
 * One generated request: plain data, so fast-check prints it as the reproduction. `intent` says
 * whether it was built to satisfy the document (`valid`) or to break it in one place (`mutation`).
 */
export interface FuzzRequest {
  intent: 'valid' | 'invalid';
  mutation: string;
  as: FuzzPrincipal;
  method: string;
  path: string;
  query: [string, string][];
  body: FuzzBody | null;
  /** For an invalid JSON body: the media type and the value the document refuses, to check the refusal. */
  brokenJson: { mediaType: string; value: unknown } | null;
}

/** Text of a parameter value as a URL carries it. */
function parameterText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(parameterText).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function fillPath(template: string, values: Record<string, string>): string {
  // A URL cannot carry an unpaired surrogate: it goes as U+FFFD, as a browser would send it.
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent((values[name] ?? '').toWellFormed()));
}

/** `/api/leads/{id}/merge` → `leads/id`: the collection a path parameter names, for id suggestions. */
export function pathParameterName(template: string, parameter: string): string {
  const segments = template.split('/');
  const index = segments.indexOf(`{${parameter}}`);
  return `${segments[index - 1] ?? ''}/${parameter}`;
}

interface ParameterValues {
  path: Record<string, string>;
  query: [string, string][];
}

const strangeTexts = ['', '.', '..', '%', '%00', '\u0000', ' ', 'null', '-1', '1.5', '9'.repeat(40), "'; drop table leads; --", '{{7*7}}', '<script>', '../../etc/passwd'];
// Path parameters that address another route: an empty segment, and `.` or `..` (resolved before sending).
const unaddressable = new Set(['', '.', '..']);

function validParameters(operation: ApiOperation, suggestions: ValueSuggestions): fc.Arbitrary<ParameterValues> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pathModel = Object.fromEntries(pathParameters.map((parameter) => [parameter.name, validValueArbitrary(asSchemaObject(parameter.schema), suggestions, pathParameterName(operation.path, parameter.name)).map(parameterText).filter((text) => !unaddressable.has(text))]));
  // Optional parameters one time in three: a filter that refuses its value hides what the others do.
  const queryValues = queryParameters.map((parameter) => {
    // A query string cannot say null: a schema that admits null means "leave it out".
    const value = validValueArbitrary(asSchemaObject(parameter.schema), suggestions, parameter.name).map((item): [string, string] | null => (item === null ? null : [parameter.name, parameterText(item)]));
    return parameter.required ? value : fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });
  });
  return fc
    .tuple(fc.record(pathModel), fc.tuple(...queryValues))
    .map(([path, query]) => ({ path: path as Record<string, string>, query: query.filter((entry): entry is [string, string] => entry !== null) }));
}

function parameterMutations(operation: ApiOperation, suggestions: ValueSuggestions, valid: fc.Arbitrary<ParameterValues>): fc.Arbitrary<{ parameters: ParameterValues; mutation: string }>[] {
  const mutations: fc.Arbitrary<{ parameters: ParameterValues; mutation: string }>[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const broken = invalidValueArbitrary(asSchemaObject(parameter.schema), suggestions, `${parameter.in}.${parameter.name}`);
    const strange = fc.oneof(
      broken ? broken.map((bad) => ({ text: parameterText(bad.value), mutation: bad.mutation })).filter(({ text }) => parameter.in !== 'path' || !unaddressable.has(text)) : fc.constant({ text: 'x', mutation: `${parameter.in}.${parameter.name}: "x"` }),
      fc.constantFrom(...(parameter.in === 'path' ? strangeTexts.filter((text) => !unaddressable.has(text)) : strangeTexts)).map((text) => ({ text, mutation: `${parameter.in}.${parameter.name}: ${JSON.stringify(text)}` })),
    );
    mutations.push(
      fc.tuple(valid, strange).map(([values, bad]) => {
        if (parameter.in === 'path') return { parameters: { ...values, path: { ...values.path, [parameter.name]: bad.text } }, mutation: bad.mutation };
        return { parameters: { ...values, query: [...values.query.filter(([name]) => name !== parameter.name), [parameter.name, bad.text]] }, mutation: bad.mutation };
      }),
    );
    if (parameter.in === 'query') {
      mutations.push(valid.map((values) => ({ parameters: { ...values, query: [...values.query, [parameter.name, values.query.find(([name]) => name === parameter.name)?.[1] ?? 'x'], [parameter.name, 'again']] }, mutation: `query.${parameter.name}: repeated` })));
      if (parameter.required) mutations.push(valid.map((values) => ({ parameters: { ...values, query: values.query.filter(([name]) => name !== parameter.name) }, mutation: `query.${parameter.name}: missing` })));
    }
  }
  return mutations;
}

const malformedJsonTexts = [
  '',
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  'undefined',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":true}}',
  '{"a":1,"a":2}',
  '1e99999',
  '"\\x"',
  '[]',
  'null',
  '42',
  '"text"',
  'true',
];

function deeplyNested(depth: number, open: string, close: string): string {
  return `${open.repeat(depth)}${close.repeat(depth)}`;
}

/** A valid JSON body of the operation with one property replaced by very deep nesting (stack-hungry parsers and validators). */
function deeplyNestedBody(validBody: unknown, depth: number): string {
  const nested = deeplyNested(depth, '[', ']');
  if (validBody !== null && typeof validBody === 'object' && !Array.isArray(validBody)) {
    const keys = Object.keys(validBody);
    const key = keys[0] ?? 'nested';
    return JSON.stringify({ ...validBody, [key]: '__NESTED__' }).replace('"__NESTED__"', nested);
  }
  return nested;
}

function bodyFor(mediaType: string, value: unknown): FuzzBody {
  if (mediaType === 'application/json') return { kind: 'json', value };
  if (mediaType === 'application/x-www-form-urlencoded') {
    const fields = value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, parameterText(item)])) : { value: parameterText(value) };
    return { kind: 'form', fields };
  }
  if (mediaType === 'multipart/form-data') {
    const fields: Record<string, string> = {};
    const files: Record<string, { fileName: string; text: string }> = {};
    for (const [key, item] of Object.entries(value !== null && typeof value === 'object' ? value : { value })) {
      if (key === 'file') files[key] = { fileName: 'fuzz.csv', text: parameterText(item) };
      else fields[key] = parameterText(item);
    }
    return { kind: 'multipart', fields, files };
  }
  return { kind: 'text', contentType: mediaType, text: parameterText(value) };
}

interface RequestParts {
  parameters: ParameterValues;
  body: FuzzBody | null;
  mutation: string;
  brokenJson: FuzzRequest['brokenJson'];
}

const wrongJsonMediaTypes = [null, 'text/plain', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data', 'application/x-www-form-urlencoded'];
const notUtf8Bodies: number[][] = [
  [0xff, 0xfe, 0x7b, 0x7d],
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d],
  [0xef, 0xbb, 0xbf, 0x7b, 0x7d],
];

/** Bodies of a JSON operation that are wrong before any schema is asked: syntax, nesting, media type, encoding. */
function jsonSyntaxMutations(parameters: fc.Arbitrary<ParameterValues>, valid: fc.Arbitrary<unknown>): fc.Arbitrary<RequestParts>[] {
  const parts = (values: ParameterValues, body: FuzzBody, mutation: string): RequestParts => ({ parameters: values, body, mutation, brokenJson: null });
  return [
    fc.tuple(parameters, fc.constantFrom(...malformedJsonTexts)).map(([values, text]) => parts(values, { kind: 'text', contentType: 'application/json', text }, `malformed JSON ${JSON.stringify(text)}`)),
    fc.tuple(parameters, valid, fc.constantFrom(1_000, 100_000)).map(([values, value, depth]) => parts(values, { kind: 'text', contentType: 'application/json', text: deeplyNestedBody(value, depth) }, `nested ${depth} deep`)),
    fc.tuple(parameters, valid, fc.constantFrom(...wrongJsonMediaTypes)).map(([values, value, contentType]) => parts(values, { kind: 'text', contentType, text: JSON.stringify(value) }, `content-type ${contentType ?? '(none)'}`)),
    fc.tuple(parameters, fc.constantFrom(...notUtf8Bodies)).map(([values, bytes]) => parts(values, { kind: 'bytes', contentType: 'application/json', bytes }, 'bytes that are not UTF-8')),
  ];
}

function bodyMutations(operation: ApiOperation, suggestions: ValueSuggestions, parameters: fc.Arbitrary<ParameterValues>, maxBodyBytes: number): fc.Arbitrary<RequestParts>[] {
  const requestBody = operation.requestBody;
  if (!requestBody) {
    // A body (or, where a body cannot be sent, a query parameter) nobody asked for must be ignored or refused.
    if (operation.method === 'GET' || operation.method === 'HEAD') {
      const unknown = fc.tuple(fc.constantFrom('unexpected', '__proto__', 'limit[]', ''), fc.constantFrom('1', '', "'; drop table leads; --"));
      return [fc.tuple(parameters, unknown).map(([values, [name, text]]) => ({ parameters: { ...values, query: [...values.query, [name, text]] }, body: null, mutation: `unknown query parameter ${JSON.stringify(name)}`, brokenJson: null }))];
    }
    return [fc.tuple(parameters, fc.constantFrom('{"unexpected":true}', 'garbage')).map(([values, text]) => ({ parameters: values, body: { kind: 'text', contentType: 'application/json', text }, mutation: 'unexpected body', brokenJson: null }))];
  }
  const mutations: fc.Arbitrary<RequestParts>[] = [];
  for (const [mediaType, rawSchema] of Object.entries(requestBody.content)) {
    const schema = asSchemaObject(rawSchema);
    const broken = invalidValueArbitrary(schema, suggestions, '');
    if (broken) {
      mutations.push(
        fc.tuple(parameters, broken).map(([values, bad]: [ParameterValues, InvalidValue]) => ({
          parameters: values,
          body: bodyFor(mediaType, bad.value),
          mutation: `body ${mediaType} ${bad.mutation}`,
          brokenJson: mediaType === 'application/json' ? { mediaType, value: bad.value } : null,
        })),
      );
    }
    if (mediaType === 'application/json') mutations.push(...jsonSyntaxMutations(parameters, validValueArbitrary(schema, suggestions, '(body)')));
    // Just over the body limit (413 before anything reads it).
    const oversized = `{"padding":"${'x'.repeat(maxBodyBytes)}"}`;
    mutations.push(parameters.map((values) => ({ parameters: values, body: { kind: 'text', contentType: mediaType, text: oversized }, mutation: 'body over the size limit', brokenJson: null })));
  }
  if (requestBody.required) mutations.push(parameters.map((values) => ({ parameters: values, body: null, mutation: 'no body', brokenJson: null })));
  return mutations;
}

function validParts(operation: ApiOperation, suggestions: ValueSuggestions, parameters: fc.Arbitrary<ParameterValues>): fc.Arbitrary<RequestParts> {
  const requestBody = operation.requestBody;
  if (!requestBody) return parameters.map((values) => ({ parameters: values, body: null, mutation: 'valid', brokenJson: null }));
  const bodies = Object.entries(requestBody.content).map(([mediaType, schema]: [string, JsonSchema]) => validValueArbitrary(asSchemaObject(schema), suggestions, '(body)').map((value) => bodyFor(mediaType, value)));
  const body = requestBody.required ? fc.oneof(...bodies) : fc.option(fc.oneof(...bodies), { nil: null, freq: 4 });
  return fc.tuple(parameters, body).map(([values, chosen]) => ({ parameters: values, body: chosen, mutation: 'valid', brokenJson: null }));
}

/**
 * Requests for one operation, derived from its parameters and request body schemas: three in five
 * valid by the document (real ids most of the time), the rest broken in one place — a parameter,
 * the body's value, its syntax, its media type, its size. Mostly the admin sends them; sometimes a
 * sales rep's key, a marketing user's session (with its CSRF token, or a cross-site copy without
 * it), nobody, or a forged key (the 401/403/404 paths).
 */
export function fuzzRequestArbitrary(operation: ApiOperation, suggestions: ValueSuggestions, options: { maxBodyBytes: number }): fc.Arbitrary<FuzzRequest> {
  const parameters = validParameters(operation, suggestions);
  const invalid = [
    ...parameterMutations(operation, suggestions, parameters).map((arbitrary) => arbitrary.map(({ parameters: values, mutation }): RequestParts => ({ parameters: values, body: null, mutation, brokenJson: null }))),
    ...bodyMutations(operation, suggestions, parameters, options.maxBodyBytes),
  ];
  const valid = validParts(operation, suggestions, parameters);
  // A parameter mutation keeps a valid body, so the refusal is about the parameter.
  const withValidBody = (parts: fc.Arbitrary<RequestParts>) => fc.tuple(parts, valid).map(([broken, whole]) => (broken.body === null && broken.mutation !== 'no body' && operation.requestBody ? { ...broken, body: whole.body } : broken));
  const parts = invalid.length > 0 ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: withValidBody(fc.oneof(...invalid)) }) : valid;
  const principal = fc.oneof(
    { weight: 14, arbitrary: fc.constant<FuzzPrincipal>('admin') },
    { weight: 3, arbitrary: fc.constant<FuzzPrincipal>('rep') },
    { weight: 2, arbitrary: fc.constant<FuzzPrincipal>('session') },
    { weight: 1, arbitrary: fc.constant<FuzzPrincipal>('csrf-less') },
    { weight: 2, arbitrary: fc.constant<FuzzPrincipal>('anonymous') },
    { weight: 1, arbitrary: fc.constant<FuzzPrincipal>('forged') },
  );
  return fc.tuple(parts, principal).map(([chosen, as]) => ({
    intent: chosen.mutation === 'valid' ? 'valid' : 'invalid',
    mutation: chosen.mutation,
    as,
    method: operation.method,
    path: fillPath(operation.path, chosen.parameters.path),
    query: chosen.parameters.query,
    body: chosen.body,
    brokenJson: chosen.brokenJson,
  }));
}
