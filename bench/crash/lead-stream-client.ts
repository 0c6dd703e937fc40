/** What became of one lead the client tried to capture. */
export interface LeadDelivery {
  index: number;
  email: string;
  /** 2xx received (created or merged): the server acknowledged the lead. */
  acknowledged: boolean;
  /** Status of the last answer (0: none, the connection failed). */
  status: number;
  attempts: number;
  /** The acknowledgement was a replay of an earlier attempt's answer (`Idempotency-Replayed: true`). */
  replayed: boolean;
  /** When the client gave up: why (a 4xx it must not retry, or the attempts ran out). */
  gaveUp: string | null;
}

export interface StreamCounts {
  leads: number;
  acknowledged: number;
  /** Leads that needed more than one attempt. */
  retried: number;
  replayed: number;
  gaveUp: number;
  /** Leads never sent because the deadline passed first. */
  notSent: number;
  attempts: number;
  connectionErrors: number;
  serverErrors: number;
  inFlightConflicts: number;
  rateLimited: number;
}

export interface LeadStreamOptions {
  baseUrl: string;
  apiKey: string;
  count: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Attempts per lead before giving up. */
  maxAttempts: number;
  /** Distinguishes this run's e-mails and idempotency keys from any other run's. */
  runTag: string;
  /** Longest pause between two attempts of a lead (ms; default 2000). */
  maxBackoffMs?: number;
  /** Per-attempt timeout (ms): a server killed mid-answer may leave a request hanging. */
  requestTimeoutMs?: number;
  /** Epoch ms after which no new lead is started and no attempt retried (a bound for CI). */
  deadline?: number;
  /** Called after each lead settles (acknowledged or given up). */
  onSettled?: (delivery: LeadDelivery, settled: number) => void;
}

const firstNames = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim', 'Margaret', 'Dennis'];
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Lee', 'Hamilton', 'Ritchie'];
const titles = ['VP Marketing', 'Head of Sales', 'Marketing Manager', 'CTO', 'Operations Director', 'Demand Generation Lead'];

/** The e-mail of lead `index` of a run: unique per run, at one of 50 company domains per run. */
export function crashLeadEmail(runTag: string, index: number): string {
  const first = firstNames[index % firstNames.length]!.toLowerCase();
  const last = lastNames[Math.floor(index / firstNames.length) % lastNames.length]!.toLowerCase();
  return `${first}.${last}.${index}@company${index % 50}-${runTag}.com`;
}

function leadBody(runTag: string, index: number): string {
  return JSON.stringify({
    email: crashLeadEmail(runTag, index),
    firstName: firstNames[index % firstNames.length],
    lastName: lastNames[Math.floor(index / firstNames.length) % lastNames.length],
    title: titles[index % titles.length],
    company: `Company ${index % 50} ${runTag}`,
    employees: 50 + (index % 20) * 40,
    country: 'DE',
    source: 'crash test',
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Streams `count` leads through `POST /api/leads`, each with its own Idempotency-Key, the way a
 * careful integration would: on a connection error, a 5xx, a 409 (the key's first request is still
 * in flight) or a 429 it retries the same request with the same key after a backoff (Retry-After
 * when given, else exponential with jitter, capped at `maxBackoffMs`), up to `maxAttempts` (and not past `deadline`); any other 4xx
 * is final. Returns every lead's fate and the counts. Never throws for a server that is down.
 */
export async function streamLeads(options: LeadStreamOptions): Promise<{ deliveries: LeadDelivery[]; counts: StreamCounts }> {
  const deliveries: LeadDelivery[] = [];
  const counts: StreamCounts = { leads: options.count, acknowledged: 0, retried: 0, replayed: 0, gaveUp: 0, notSent: 0, attempts: 0, connectionErrors: 0, serverErrors: 0, inFlightConflicts: 0, rateLimited: 0 };
  let next = 0;
  const maxBackoffMs = options.maxBackoffMs ?? 2000;
  const pastDeadline = () => options.deadline !== undefined && Date.now() > options.deadline;

  async function deliver(index: number): Promise<LeadDelivery> {
    const delivery: LeadDelivery = { index, email: crashLeadEmail(options.runTag, index), acknowledged: false, status: 0, attempts: 0, replayed: false, gaveUp: null };
    const body = leadBody(options.runTag, index);
    const key = `crash-${options.runTag}-${index}`;
    while (delivery.attempts < options.maxAttempts && !pastDeadline()) {
      delivery.attempts += 1;
      counts.attempts += 1;
      let waitMs = Math.min(maxBackoffMs, 50 * 2 ** Math.min(delivery.attempts, 6)) * (0.5 + Math.random() / 2);
      try {
        const response = await fetch(`${options.baseUrl}/api/leads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json', 'idempotency-key': key },
          body,
          signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000),
        });
        delivery.status = response.status;
        await response.arrayBuffer();
        if (response.status >= 200 && response.status < 300) {
          delivery.acknowledged = true;
          delivery.replayed = response.headers.get('idempotency-replayed') === 'true';
          return delivery;
        }
        if (response.status === 409) counts.inFlightConflicts += 1;
        else if (response.status === 429) counts.rateLimited += 1;
        else if (response.status >= 500) counts.serverErrors += 1;
        else {
          delivery.gaveUp = `answered ${response.status}`;
          return delivery;
        }
        const retryAfter = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfter) && retryAfter > 0) waitMs = Math.min(retryAfter * 1000, 5000) * (0.5 + Math.random() / 2);
      } catch {
        delivery.status = 0;
        counts.connectionErrors += 1;
      }
      await sleep(waitMs);
    }
    delivery.gaveUp = pastDeadline() ? `deadline passed after ${delivery.attempts} attempts (last status ${delivery.status})` : `no acknowledgement in ${options.maxAttempts} attempts (last status ${delivery.status})`;
    return delivery;
  }

  async function worker(): Promise<void> {
    while (next < options.count && !pastDeadline()) {
      const index = next;
      next += 1;
      const delivery = await deliver(index);
      deliveries.push(delivery);
      if (delivery.acknowledged) counts.acknowledged += 1;
      if (delivery.attempts > 1) counts.retried += 1;
      if (delivery.replayed) counts.replayed += 1;
      if (delivery.gaveUp) counts.gaveUp += 1;
      options.onSettled?.(delivery, deliveries.length);
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  counts.notSent = options.count - deliveries.length;
  deliveries.sort((a, b) => a.index - b.index);
  return { deliveries, counts };
}
