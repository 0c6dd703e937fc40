import type { Kysely } from 'kysely';
import { beforeEach, expect, it, vi } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createCaptureBatcher } from './capture-batcher.ts';
import type { CaptureActor, CaptureItem, CaptureOptions } from './capture-leads.ts';

// The batcher's own decisions — which captures go together — with the capture itself replaced by
// one that answers at once and records the batches it was given.
const batches: string[][] = [];
vi.mock('./capture-leads.ts', () => ({
  captureLeads: async (_db: unknown, options: CaptureOptions) => {
    batches.push(options.items.map((item) => item.input.email ?? ''));
    return options.items.map(() => ({ outcome: 'created', leadId: 'lead', stage: 'inquiry', grade: null, changed: true, warnings: [] }));
  },
}));

const db = {} as Kysely<Database>;
const actor: CaptureActor = { type: 'api_key', id: null, label: 'test' };
const item = (email: string): CaptureItem => ({ input: { email } });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  batches.length = 0;
});

it('sends captures that arrive together as one batch', async () => {
  const batcher = createCaptureBatcher(db, { now: () => new Date() });
  await Promise.all(['a', 'b', 'c'].map((email) => batcher.capture(item(email), actor, 'form_fill')));
  expect(batches).toEqual([['a', 'b', 'c']]);
});

it('keeps a burst together when its second half arrives a moment after the first', async () => {
  const burst = (prefix: string, from: number, to: number) => Array.from({ length: to - from }, (_, index) => batcher.capture(item(`${prefix}${from + index}`), actor, 'form_fill'));
  // A generous gather time: the second half comes 20 ms after the first.
  let batcher = createCaptureBatcher(db, { now: () => new Date(), gatherMs: 1_000 });
  await Promise.all(burst('x', 0, 8));
  const firstHalf = burst('y', 0, 4);
  await delay(20);
  await Promise.all([...firstHalf, ...burst('y', 4, 8)]);
  expect(batches).toEqual([
    ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'],
    ['y0', 'y1', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7'],
  ]);

  // Without gathering, the same arrivals make two batches.
  batches.length = 0;
  batcher = createCaptureBatcher(db, { now: () => new Date(), gatherMs: 0 });
  await Promise.all(burst('x', 0, 8));
  const early = burst('y', 0, 4);
  await delay(20);
  await Promise.all([...early, ...burst('y', 4, 8)]);
  expect(batches.slice(1)).toEqual([
    ['y0', 'y1', 'y2', 'y3'],
    ['y4', 'y5', 'y6', 'y7'],
  ]);
});

it('stops waiting for a burst that does not come back, and never holds a lone client', async () => {
  const batcher = createCaptureBatcher(db, { now: () => new Date(), gatherMs: 2_000 });
  await Promise.all(['a', 'b', 'c', 'd'].map((email) => batcher.capture(item(email), actor, 'form_fill')));
  // The burst was 4: a single capture now waits (at most gatherMs) for 3 that never come, then goes alone.
  await batcher.capture(item('e'), actor, 'form_fill');
  const started = Date.now();
  for (const email of ['f', 'g', 'h']) await batcher.capture(item(email), actor, 'form_fill');
  // Waiting for each would take 6 s; a lone client's bursts are one capture, so none waits.
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(batches).toEqual([['a', 'b', 'c', 'd'], ['e'], ['f'], ['g'], ['h']]);
  await batcher.drain();
});
