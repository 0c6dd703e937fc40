import { createRequire } from 'node:module';
import type { LeadInput } from '../../src/core/lead/lead-input.ts';
import { startLeadpactServer } from './leadpact-server-process.ts';
import { cpuBetween, cpuOfProcesses, processCpuMilliseconds } from './process-cpu.ts';

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?(request: AutocannonRequest): AutocannonRequest;
}
interface AutocannonResult {
  duration: number;
  latency: { p50: number; p99: number; max: number };
  '2xx': number;
  non2xx: number;
  /** Responses by status code other than 200 and 201 (`{"401": 8000}`): what went wrong, if anything. */
  otherStatuses: Record<string, number>;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (
  options: { url: string; connections: number; amount: number; timeout: number; requests: AutocannonRequest[] },
  done: (error: Error | null, result: AutocannonResult) => void,
) => { stop(): void };

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface ApiCaptureResult {
  /** Requests answered 2xx, and how: 201 created (new lead, junk included), 200 merged. */
  ok: number;
  created: number;
  merged: number;
  non2xx: number;
  /** Responses by status code other than 200 and 201 (`{"401": 8000}`): what went wrong, if anything. */
  otherStatuses: Record<string, number>;
  errors: number;
  /** True when the run hit the time limit before every lead was sent. */
  stoppedAtLimit: boolean;
  seconds: number;
  leadsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rssAfterStartMb: number;
  peakRssMb: number;
  /** CPU time per lead sent in the measured run (ms): the server process, and the PostgreSQL backends serving it (null on PGlite or where unreadable). */
  serverCpuMsPerLead: number | null;
  databaseCpuMsPerLead: number | null;
}

/**
 * Starts the real server in a child process and drives `POST /api/leads` with autocannon at the given
 * concurrency: first the warm-up leads (not measured), then every measured lead exactly once (each
 * request a different person). The server's RSS is sampled every 100 ms from start to stop and its
 * peak reported. Loops are bounded: the measured run stops by itself at `maxSeconds`.
 */
export async function measureApiCapture(options: {
  serverEnv: Record<string, string>;
  /** Sent with every request (the API key). */
  headers: Record<string, string>;
  leads: readonly LeadInput[];
  warmupLeads: readonly LeadInput[];
  connections: number;
  maxSeconds: number;
  /** The database server's processes serving this database (PostgreSQL), for their CPU time. */
  backendPids: (() => Promise<number[]>) | null;
  /** Send every request with its own Idempotency-Key, as a careful integration does. */
  idempotencyKeys?: boolean;
}): Promise<ApiCaptureResult> {
  const server = await startLeadpactServer(options.serverEnv);
  const rssAfterStartMb = server.rssMegabytes();
  let peakRssMb = rssAfterStartMb;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, server.rssMegabytes());
  }, 100);
  try {
    const keyPrefix = options.idempotencyKeys ? `bench-${Date.now()}` : null;
    await postLeads(server.url, options.headers, options.warmupLeads, options.connections, options.maxSeconds, keyPrefix && `${keyPrefix}-warmup`);
    const serverCpuBefore = processCpuMilliseconds(server.pid);
    const backendsBefore = cpuOfProcesses((await options.backendPids?.()) ?? []);
    const { result, stoppedAtLimit } = await postLeads(server.url, options.headers, options.leads, options.connections, options.maxSeconds, keyPrefix && `${keyPrefix}-measured`);
    const serverCpuAfter = processCpuMilliseconds(server.pid);
    const backendsAfter = cpuOfProcesses((await options.backendPids?.()) ?? []);
    peakRssMb = Math.max(peakRssMb, server.rssMegabytes());
    const sent = result['2xx'] + result.non2xx;
    const status = (code: string) => result.statusCodeStats[code]?.count ?? 0;
    return {
      ok: result['2xx'],
      created: status('201'),
      merged: status('200'),
      non2xx: result.non2xx,
      otherStatuses: Object.fromEntries(Object.entries(result.statusCodeStats).filter(([code]) => code !== '200' && code !== '201').map(([code, stats]) => [code, stats.count])),
      errors: result.errors + result.timeouts,
      stoppedAtLimit,
      seconds: result.duration,
      leadsPerSecond: result['2xx'] / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      rssAfterStartMb,
      peakRssMb,
      serverCpuMsPerLead: serverCpuBefore === null || serverCpuAfter === null ? null : (serverCpuAfter - serverCpuBefore) / sent,
      databaseCpuMsPerLead: options.backendPids && backendsAfter.size > 0 ? cpuBetween(backendsBefore, backendsAfter) / sent : null,
    };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nserver output:\n${server.output()}`, { cause: error });
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

async function postLeads(
  url: string,
  headers: Record<string, string>,
  leads: readonly LeadInput[],
  connections: number,
  maxSeconds: number,
  /** With a prefix, each request carries the Idempotency-Key `<prefix>-<n>`. */
  idempotencyKeyPrefix: string | null,
): Promise<{ result: AutocannonResult; stoppedAtLimit: boolean }> {
  const bodies = leads.map((lead) => JSON.stringify(lead));
  let next = 0;
  let stoppedAtLimit = false;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const run = autocannon(
      {
        url,
        connections: Math.min(connections, bodies.length),
        amount: bodies.length,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/leads',
            headers: { ...headers, 'content-type': 'application/json' },
            // autocannon asks exactly once per request sent; `amount` never asks for more than there are.
            setupRequest: (request) => {
              const index = next++;
              const body = bodies[index % bodies.length]!;
              return idempotencyKeyPrefix === null ? { ...request, body } : { ...request, body, headers: { ...request.headers, 'idempotency-key': `${idempotencyKeyPrefix}-${index}` } };
            },
          },
        ],
      },
      (error, finished) => {
        clearTimeout(limit);
        if (error) reject(error);
        else resolve(finished);
      },
    );
    const limit = setTimeout(() => {
      stoppedAtLimit = true;
      run.stop();
    }, maxSeconds * 1000);
  });
  return { result, stoppedAtLimit };
}
