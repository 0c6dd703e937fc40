import type { Kysely } from 'kysely';
import type { TouchType } from '../../core/pact/pact-schema.ts';
import type { Database } from '../../db/database.ts';
import { captureLeads, type CaptureActor, type CaptureItem, type CaptureResult } from './capture-leads.ts';

export interface CaptureBatcher {
  capture(item: CaptureItem, actor: CaptureActor, defaultTouchType: TouchType): Promise<CaptureResult>;
  /** Resolves when nothing is pending or in flight. */
  drain(): Promise<void>;
}

interface Pending {
  item: CaptureItem;
  actor: CaptureActor;
  defaultTouchType: TouchType;
  resolve(result: CaptureResult): void;
  reject(error: unknown): void;
}

export interface CaptureBatcherOptions {
  now: () => Date;
  /** Most captures in one batch (one transaction). */
  maxBatch?: number;
  /**
   * Batches written at the same time (default 1). More than one needs a database with several
   * connections (PostgreSQL); captureLeads keeps concurrent batches correct (unique indexes and retry).
   */
  maxInFlight?: number;
  /**
   * Longest wait (ms, default 2) for the rest of a burst before a batch starts with fewer captures
   * than the last burst had. 0 never waits.
   */
  gatherMs?: number;
}

/**
 * Group commit for single captures. Requests that arrive while a batch is being written wait and
 * go together in the next one, so under load the API makes one transaction per batch instead of
 * one per lead, and at low load a lone request goes straight through (it waits one turn of the
 * event loop, so requests that arrived together go together).
 *
 * A batch costs about the same whatever its size up to dozens of leads (round trips, planning, the
 * commit), so it pays to keep a burst together: the batcher remembers how many captures the last
 * batch saw (those it wrote and those that arrived meanwhile) and, when fewer than that are
 * waiting, waits up to `gatherMs` for the rest. Without this, clients that each send their next
 * request as soon as they get an answer split into two halves that take turns, each paying for a
 * whole batch. A lone client never waits: its bursts are one capture.
 */
export function createCaptureBatcher(db: Kysely<Database>, options: CaptureBatcherOptions): CaptureBatcher {
  const maxBatch = options.maxBatch ?? 250;
  const maxInFlight = options.maxInFlight ?? 1;
  const gatherMs = options.gatherMs ?? 2;
  let queue: Pending[] = [];
  let running = 0;
  /** Captures the last batch saw: the ones it wrote plus the ones that arrived while it was written. */
  let burst = 1;
  const arrivalListeners = new Set<() => void>();

  /** Resolves once `count` captures are queued, or after `gatherMs`. */
  function gather(count: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        arrivalListeners.delete(listener);
        resolve();
      };
      const listener = () => {
        if (queue.length >= count) done();
      };
      const timer = setTimeout(done, gatherMs);
      arrivalListeners.add(listener);
    });
  }
  let drained: { promise: Promise<void>; resolve(): void } | null = null;

  /** Writes a batch; returns how many captures arrived while it was written (counted before any answer goes out). */
  async function writeBatch(batch: readonly Pending[]): Promise<number> {
    const byActor = Map.groupBy(batch, (pending) => `${pending.actor.type}|${pending.actor.id ?? ''}|${pending.actor.label}|${pending.defaultTouchType}`);
    let arrived: number | null = null;
    for (const group of byActor.values()) {
      const first = group[0]!;
      try {
        const results = await captureLeads(db, { items: group.map((pending) => pending.item), actor: first.actor, defaultTouchType: first.defaultTouchType, now: options.now() });
        // Answered, a client may send its next capture at once: that one belongs to the next burst.
        arrived ??= queue.length;
        group.forEach((pending, index) => pending.resolve(results[index]!));
      } catch (error) {
        arrived ??= queue.length;
        for (const pending of group) pending.reject(error);
      }
    }
    return arrived ?? queue.length;
  }

  async function run(): Promise<void> {
    // One turn of the event loop lets every request already received reach the queue: PGlite answers
    // without any I/O, so a batch would otherwise never see the requests that came in during it.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const expected = Math.min(burst, maxBatch);
      if (queue.length < expected && gatherMs > 0) await gather(expected);
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      burst = batch.length + (await writeBatch(batch));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  function schedule(): void {
    if (running >= maxInFlight) return;
    running += 1;
    void run().finally(() => {
      running -= 1;
      if (queue.length > 0) schedule();
      else if (running === 0 && drained) {
        drained.resolve();
        drained = null;
      }
    });
  }

  return {
    capture(item, actor, defaultTouchType) {
      return new Promise<CaptureResult>((resolve, reject) => {
        queue.push({ item, actor, defaultTouchType, resolve, reject });
        for (const listener of arrivalListeners) listener();
        schedule();
      });
    },
    drain() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      if (!drained) {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => {
          resolve = done;
        });
        drained = { promise, resolve };
      }
      return drained.promise;
    },
  };
}
