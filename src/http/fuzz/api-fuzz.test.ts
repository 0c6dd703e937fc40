import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { createFuzzWorld, type FuzzWorld } from './fuzz-world.ts';
import { invalidValueArbitrary } from './invalid-value-arbitrary.ts';
import { validValueArbitrary } from './json-schema-arbitrary.ts';
import { describeFailure, fuzzApi } from './run-api-fuzz.ts';

/**
 * The CI form of the API fuzzer (`npm run bench -- fuzz` runs ten times more): every operation of
 * the live OpenAPI document gets `runsPerOperation` generated requests on each database. A new
 * seed every run, printed with any failure; `LEADPACT_FUZZ_SEED=<seed>` replays it
 * (`LEADPACT_FUZZ_ONLY=<part of the operation>` narrows it to one operation).
 */
const runsPerOperation = Number(process.env.LEADPACT_FUZZ_RUNS ?? 200);
const seed = process.env.LEADPACT_FUZZ_SEED ? Number(process.env.LEADPACT_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const only = process.env.LEADPACT_FUZZ_ONLY;

describeEachDatabase('API fuzzing from the OpenAPI document', (kind) => {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await createFuzzWorld(kind);
  }, 120_000);
  afterAll(() => world?.destroy());

  it('seeds real records through the API for the requests to point at', () => {
    expect(world.fixtureProblems).toEqual([]);
    expect(world.operations.length).toBeGreaterThan(40);
    for (const collection of ['leads', 'accounts', 'campaigns', 'teams', 'users', 'pact-versions', 'rescore-runs', 'imports', 'api-keys']) {
      expect(world.known.ids[collection]?.length ?? 0, collection).toBeGreaterThan(0);
    }
  });

  it('builds valid bodies the live document accepts, and broken ones it refuses', () => {
    let checked = 0;
    for (const operation of world.operations) {
      const schema = operation.requestBody?.content['application/json'];
      if (schema === undefined || typeof schema === 'boolean') continue;
      for (const value of fc.sample(validValueArbitrary(schema, world.suggestions, '(body)'), 50)) {
        expect(world.validator.accepts(schema, value), `${operation.key}: ${JSON.stringify(value)?.slice(0, 300)}`).toBe(true);
      }
      const broken = invalidValueArbitrary(schema, world.suggestions);
      if (broken) {
        // Most, not all: a huge string where no maxLength is documented is a stress test, not a violation.
        const refused = fc.sample(broken, 50).filter(({ value }) => !world.validator.accepts(schema, value));
        expect(refused.length, `${operation.key}: broken bodies the document accepts`).toBeGreaterThanOrEqual(30);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it(`sends ${runsPerOperation} generated requests to every operation: no 5xx, only documented statuses, every body as documented`, async () => {
    const reports = await fuzzApi(world, { numRuns: runsPerOperation, seed, ...(only ? { only } : {}) });
    const failures = reports.filter((report) => report.failure !== null).map(describeFailure);
    expect(failures, `seed ${seed}: replay with LEADPACT_FUZZ_SEED=${seed}`).toEqual([]);
    if (!only) expect(reports.map((report) => report.operation).sort()).toEqual(world.operations.map((operation) => operation.key).sort());
    for (const report of reports) {
      expect(report.requests, report.operation).toBeGreaterThanOrEqual(runsPerOperation);
      expect(report.valid, report.operation).toBeGreaterThan(0);
      expect(report.invalid, report.operation).toBeGreaterThan(0);
      expect(Object.keys(report.statuses).some((status) => Number(status) >= 400), report.operation).toBe(true);
    }
    // The generated requests reach the handlers, not only the validators: most operations succeeded some of the time.
    const succeeded = reports.filter((report) => Object.keys(report.statuses).some((status) => Number(status) < 300));
    if (!only) expect(succeeded.length / reports.length, reports.filter((report) => !succeeded.includes(report)).map((report) => report.operation).join(', ')).toBeGreaterThan(0.8);
  }, 900_000);
});
