import { describe, expect, it } from 'vitest';
import type { FuzzRequest } from './fuzz-request.ts';
import { operationsOf, type OpenApiDocument } from './openapi-operations.ts';
import { createOpenApiValidator } from './openapi-validator.ts';
import { responseProblems } from './response-verdict.ts';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] } }, requestId: { type: 'string' } },
      required: ['code', 'message', 'issues', 'requestId'],
    },
  },
  required: ['error'],
};
const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

const document: OpenApiDocument = {
  components: { schemas: { Error: errorSchema, Team: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } }, required: ['id', 'name'] } } },
  paths: {
    '/api/teams': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'], additionalProperties: false } } } },
        responses: { 201: { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Team' } } } }, 400: { description: 'bad', content: errorContent } },
      },
    },
    '/api/health': { get: { security: [], responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  },
};
const [createTeam, health] = operationsOf(document);
const validator = createOpenApiValidator(document);

function request(overrides: Partial<FuzzRequest> = {}): FuzzRequest {
  return { intent: 'valid', mutation: 'valid', as: 'admin', method: 'POST', path: '/api/teams', query: [], body: { kind: 'json', value: { name: 'Inside' } }, brokenJson: null, ...overrides };
}

function exchange(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, text, headers: new Headers({ 'content-type': 'application/json', 'x-request-id': 'r1', ...headers }) };
}

const team = { id: '5b7c0a52-8d0e-4c1a-9f3e-2b8c9d0e1f2a', name: 'Inside' };
const error = { error: { code: 'VALIDATION_FAILED', message: 'name: required', issues: [{ path: 'name', message: 'required' }], requestId: 'r1' } };

describe('responseProblems', () => {
  it('finds nothing wrong with a documented status whose body matches its schema', () => {
    expect(responseProblems(createTeam!, request(), exchange(201, team), validator)).toEqual([]);
    expect(responseProblems(createTeam!, request(), exchange(400, error), validator)).toEqual([]);
  });

  it('flags a 5xx, an undocumented status and a body that differs from its schema', () => {
    expect(responseProblems(createTeam!, request(), exchange(500, error), validator).join()).toMatch(/answered 500/);
    expect(responseProblems(createTeam!, request(), exchange(409, error), validator).join()).toMatch(/does not document/);
    expect(responseProblems(createTeam!, request(), exchange(201, { id: 'x', name: 7 }), validator).join()).toMatch(/does not match its schema/);
    expect(responseProblems(createTeam!, request(), exchange(201, 'a,b', { 'content-type': 'text/csv' }), validator).join()).toMatch(/documents application\/json/);
  });

  it('allows the statuses middleware gives every operation, with the Error body', () => {
    for (const status of [401, 403, 413, 415, 429]) expect(responseProblems(createTeam!, request(), exchange(status, error, { 'retry-after': '1' }), validator)).toEqual([]);
    // A public operation takes no credentials, so no role or scope can refuse it; a bad key still can.
    expect(responseProblems(health!, request({ method: 'GET', body: null }), exchange(403, error), validator).join()).toMatch(/does not document/);
    expect(responseProblems(health!, request({ method: 'GET', body: null, as: 'forged' }), exchange(401, error), validator)).toEqual([]);
  });

  it('holds every error body to the Error schema, the X-Request-Id and no leaked internals', () => {
    expect(responseProblems(createTeam!, request(), exchange(400, { message: 'bad' }), validator).join()).toMatch(/not the Error schema/);
    expect(responseProblems(createTeam!, request(), exchange(400, error, { 'x-request-id': 'other' }), validator).join()).toMatch(/requestId/);
    const leaky = { error: { ...error.error, message: 'duplicate key value violates unique constraint "teams_name_key"' } };
    expect(responseProblems(createTeam!, request(), exchange(400, leaky), validator).join()).toMatch(/leaks internals/);
    expect(responseProblems(createTeam!, request(), exchange(429, error), validator).join()).toMatch(/Retry-After/);
  });

  it('expects callers without valid credentials to get 401, and a body the document refuses to be refused', () => {
    expect(responseProblems(createTeam!, request({ as: 'anonymous' }), exchange(201, team), validator).join()).toMatch(/anonymous caller got 201/);
    expect(responseProblems(createTeam!, request({ as: 'forged' }), exchange(400, error), validator).join()).toMatch(/forged API key got 400/);
    const broken = request({ intent: 'invalid', mutation: '(root): unknown property "x"', body: { kind: 'json', value: { name: 'A', x: 1 } }, brokenJson: { mediaType: 'application/json', value: { name: 'A', x: 1 } } });
    expect(responseProblems(createTeam!, broken, exchange(201, team), validator).join()).toMatch(/accepted \(201\) a body its document refuses/);
    expect(responseProblems(createTeam!, broken, exchange(400, error), validator)).toEqual([]);
  });
});
