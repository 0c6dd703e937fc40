import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { fuzzRequestArbitrary, type FuzzRequest } from './fuzz-request.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import type { ApiOperation } from './openapi-operations.ts';
import { responseProblems } from './response-verdict.ts';
import { sendFuzzRequest, urlOf } from './send-fuzz-request.ts';

/** What fuzzing one operation found. */
export interface OperationFuzzReport {
  operation: string;
  /** Requests sent, shrinking included. */
  requests: number;
  /** Requests built to satisfy the document, and built to break it. */
  valid: number;
  invalid: number;
  /** Count by status text. */
  statuses: Record<string, number>;
  /** Requests built valid by the document that were refused with a 400 or 409, by the refusal's message: where the document says less than the server checks. */
  refusedValid: Record<string, number>;
  seconds: number;
  failure: FuzzFailure | null;
}

/** The smallest failing request fast-check found, with how to replay it. */
export interface FuzzFailure {
  problems: string[];
  /** The request, long strings cut (readable; the seed and path replay the real one). */
  reproduction: string;
  seed: number;
  path: string;
}

class FuzzProblems extends Error {
  readonly problems: string[];
  constructor(problems: string[], request: FuzzRequest, status: number) {
    super(`${request.method} ${urlOf(request).slice(0, 300)} as ${request.as} → ${status}:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

function readable(request: FuzzRequest): string {
  return JSON.stringify(request, (_key, value: unknown) => (typeof value === 'string' && value.length > 200 ? `${value.slice(0, 120)}…(${value.length} characters)` : value), 1);
}

function refusalMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 100) : '(no message)';
  } catch {
    return '(not JSON)';
  }
}

/** A stable number per operation, so each operation gets its own stream from one base seed. */
function seedOf(baseSeed: number, key: string): number {
  let hash = baseSeed | 0;
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/**
 * Sends `numRuns` generated requests to one operation (fast-check, shrinking a failure to the
 * smallest request that still fails) and checks each response against the document. Never throws
 * for a failing response: the failure is in the report.
 */
export async function fuzzOperation(world: FuzzWorld, operation: ApiOperation, options: { numRuns: number; seed: number }): Promise<OperationFuzzReport> {
  const started = performance.now();
  const report: OperationFuzzReport = { operation: operation.key, requests: 0, valid: 0, invalid: 0, statuses: {}, refusedValid: {}, seconds: 0, failure: null };
  const arbitrary = fuzzRequestArbitrary(operation, world.suggestions, { maxBodyBytes: world.maxBodyBytes });
  const property = fc.asyncProperty(arbitrary, async (request) => {
    const exchange = await sendFuzzRequest(world.testApp.app, request, world.credentials);
    report.requests += 1;
    report[request.intent] += 1;
    report.statuses[exchange.status] = (report.statuses[exchange.status] ?? 0) + 1;
    if (request.intent === 'valid' && (exchange.status === 400 || exchange.status === 409)) {
      const message = refusalMessage(exchange.text);
      report.refusedValid[message] = (report.refusedValid[message] ?? 0) + 1;
    }
    const problems = responseProblems(operation, request, exchange, world.validator);
    if (problems.length > 0) throw new FuzzProblems(problems, request, exchange.status);
  });
  const seed = seedOf(options.seed, operation.key);
  let details: fc.RunDetails<[FuzzRequest]>;
  try {
    details = await fc.check(property, { numRuns: options.numRuns, seed });
  } catch (error) {
    // The generators themselves threw: a bug of the fuzzer, reported like any other failure.
    report.failure = { problems: [`the request generator failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], reproduction: '(none)', seed, path: '' };
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }
  if (details.failed) {
    const [request] = details.counterexample ?? [];
    const error = details.errorInstance;
    report.failure = {
      problems: error instanceof FuzzProblems ? [error.message] : [String(error instanceof Error ? (error.stack ?? error.message) : error)],
      reproduction: request ? readable(request) : '(none)',
      seed,
      path: details.counterexamplePath ?? '',
    };
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/**
 * Operations that take records away from everything after them — DELETE, and erasing people (it
 * empties the leads the others draw from) — go last; the rest keep document order.
 */
export function fuzzOrder(operations: readonly ApiOperation[]): ApiOperation[] {
  const destructive = (operation: ApiOperation) => operation.method === 'DELETE' || /erasure/.test(operation.path);
  return [...operations.filter((operation) => !destructive(operation)), ...operations.filter(destructive)];
}

/**
 * Fuzzes every operation of the world's document (or those whose key contains `only`), one after
 * the other in `fuzzOrder`, restoring the callers after each.
 */
export async function fuzzApi(world: FuzzWorld, options: { numRuns: number; seed: number; only?: string; onOperation?: (report: OperationFuzzReport) => void }): Promise<OperationFuzzReport[]> {
  const reports: OperationFuzzReport[] = [];
  for (const operation of fuzzOrder(world.operations)) {
    if (options.only && !operation.key.includes(options.only)) continue;
    const report = await fuzzOperation(world, operation, options);
    await world.restoreCallers();
    options.onOperation?.(report);
    reports.push(report);
  }
  return reports;
}

/** One failure as text: operation, problems, the request, and how to replay it. */
export function describeFailure(report: OperationFuzzReport): string {
  const failure = report.failure;
  if (!failure) return `${report.operation}: no failure`;
  return `${report.operation}\n${failure.problems.join('\n')}\nsmallest failing request: ${failure.reproduction}\nreplay: seed ${failure.seed}, path "${failure.path}"`;
}
