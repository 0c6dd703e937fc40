import { CompiledQuery, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { performance } from 'node:perf_hooks';
import { defaultAccessSettings } from '../../src/core/access/access-context.ts';
import type { UserPrincipal } from '../../src/core/access/principal.ts';
import type { Database } from '../../src/db/database.ts';
import type { DatabaseHandle } from '../../src/db/open-database.ts';
import { leadFilterOf, leadListQuerySchema } from '../../src/http/schemas/lead-list.schemas.ts';
import { listLeads } from '../../src/modules/leads/list-leads.ts';

/** The same GET /api/leads calls a screen made, replayed straight against the database. */
export interface DatabaseBaseline {
  /** listLeads (the use case behind the endpoint: access check, the repository's query) per call sequence, each run. */
  runsMs: number[];
  /** The database's own execution time of those queries (EXPLAIN ANALYZE: the page and its total), summed over the calls. */
  executionMs: number | null;
  /** Each statement's execution time under EXPLAIN ANALYZE, in call order ("page 2.1", "total 40.3"). */
  statements: { kind: 'page' | 'total'; ms: number }[];
  /** The plan of the slowest query, for a report that must say why. */
  slowestPlan: string[];
  /** Query parameters of the calls that GET /api/leads does not read (the replay ignores them as the API does). */
  unknownParameters: string[];
}

/**
 * Times the calls (their URLs, in order: the inbox pages through with cursors) as the use case run
 * directly on the database — no HTTP, no session check, no JSON — `runs` times, then once under
 * EXPLAIN (ANALYZE) for the database's own figure. Runs while no server holds the database.
 */
export async function measureDatabaseBaseline(handle: DatabaseHandle, principal: UserPrincipal, urls: readonly string[], runs: number): Promise<DatabaseBaseline> {
  const access = { principal, settings: defaultAccessSettings };
  const unknownParameters = new Set<string>();
  const knownParameters = new Set(Object.keys(leadListQuerySchema.shape));
  // Parsed and mapped exactly as the GET /api/leads handler does (lead.routes.ts).
  const calls = urls.map((url) => {
    const params = Object.fromEntries(new URL(url).searchParams);
    for (const name of Object.keys(params)) if (!knownParameters.has(name)) unknownParameters.add(name);
    const query = leadListQuerySchema.parse(params);
    return { filter: leadFilterOf(query), sort: query.sort, cursor: query.cursor, limit: query.limit };
  });

  const runsMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    for (const call of calls) await listLeads(handle.db, { ...call, access });
    runsMs.push(performance.now() - started);
  }

  // The same calls once more through a Kysely that records each compiled statement, to EXPLAIN them.
  const compiled: CompiledQuery[] = [];
  const dialect = handle.pglite ? new PGliteDialect({ pglite: handle.pglite }) : new PostgresDialect({ pool: handle.pool! });
  // Never destroyed: it shares the handle's driver, which handle.close() ends.
  const recording = new Kysely<Database>({ dialect, log: (event) => void (event.level === 'query' && compiled.push(event.query)) });
  for (const call of calls) await listLeads(recording, { ...call, access });
  let executionMs = 0;
  const statements: DatabaseBaseline['statements'] = [];
  let slowest = { ms: -1, plan: [] as string[] };
  for (const query of compiled) {
    const explained = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
    const plan = explained.rows.map((row) => row['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? NaN);
    executionMs += ms;
    // listLeads runs two statements per call: the page, and count(*) for the total.
    statements.push({ kind: /^select count\(/i.test(query.sql.trim()) ? 'total' : 'page', ms });
    if (ms > slowest.ms) slowest = { ms, plan };
  }
  return { runsMs, executionMs: compiled.length ? executionMs : null, statements, slowestPlan: slowest.plan, unknownParameters: [...unknownParameters] };
}
