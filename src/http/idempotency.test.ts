import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';
import type { CaptureBatcher } from '../modules/capture/capture-batcher.ts';

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let nowMs = new Date(start).getTime();
  return { now: () => new Date(nowMs), advance: (ms: number) => (nowMs += ms) };
}

/**
 * Holds the next capture until `release()`: the request that makes it stays in flight for as long as
 * the test wants, with no sleeps. Later captures go straight through.
 */
function holdNextCapture(t: TestApp): { entered: Promise<void>; release(): void } {
  const real = t.services.captureBatcher;
  let signalEntered!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (signalEntered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = true;
  const held: CaptureBatcher = {
    capture(item, actor, touchType) {
      if (!holding) return real.capture(item, actor, touchType);
      holding = false;
      signalEntered();
      return released.then(() => real.capture(item, actor, touchType));
    },
    drain: () => real.drain(),
  };
  t.services.captureBatcher = held;
  return {
    entered,
    release() {
      t.services.captureBatcher = real;
      release();
    },
  };
}

async function leadsWithEmail(t: TestApp, email: string): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from leads where email = ${email}`.execute(t.database.db);
  return result.rows[0]!.count;
}

async function touchesOfEmail(t: TestApp, email: string): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from touches join leads on leads.id = touches.lead_id where leads.email = ${email}`.execute(t.database.db);
  return result.rows[0]!.count;
}

async function storedKeys(t: TestApp): Promise<{ key: string; state: string; response_body: string | null; response_omitted: string | null }[]> {
  const result = await sql<{ key: string; state: string; response_body: string | null; response_omitted: string | null }>`
    select key, state, response_body, response_omitted from idempotency_keys order by key`.execute(t.database.db);
  return result.rows;
}

const keyed = (key: string) => ({ 'idempotency-key': key });

describeEachDatabase('Idempotency-Key', (kind) => {
  let t: TestApp;
  const clock = manualClock('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { now: clock.now });
  });
  afterAll(() => t.destroy());

  it('replays the first response (status, body, content type) and does not run the request again', async () => {
    const lead = { email: 'ada@replay-test.com', firstName: 'Ada', company: 'Replay Test' };
    const first = await t.call('POST', '/api/leads', lead, keyed('replay-1'));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const second = await t.call('POST', '/api/leads', lead, keyed('replay-1'));
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await leadsWithEmail(t, 'ada@replay-test.com')).toBe(1);
    expect(await touchesOfEmail(t, 'ada@replay-test.com')).toBe(1);

    // A merge (200) and a refusal (400) are replayed as they were, status included.
    const merged = await t.call('POST', '/api/leads', { email: 'ADA@replay-test.com', touch: { type: 'webinar' } }, keyed('replay-2'));
    expect(merged.status).toBe(200);
    const mergedAgain = await t.call('POST', '/api/leads', { email: 'ADA@replay-test.com', touch: { type: 'webinar' } }, keyed('replay-2'));
    expect([mergedAgain.status, mergedAgain.body]).toEqual([200, merged.body]);
    expect(await touchesOfEmail(t, 'ada@replay-test.com')).toBe(2);
    const refused = await t.call('POST', '/api/leads', { email: 'not-an-address' }, keyed('replay-3'));
    const refusedAgain = await t.call('POST', '/api/leads', { email: 'not-an-address' }, keyed('replay-3'));
    expect(refused.status).toBe(400);
    expect([refusedAgain.status, refusedAgain.body]).toEqual([400, refused.body]);
    expect(refusedAgain.headers.get('idempotency-replayed')).toBe('true');
  });

  it('refuses the same key with a different body or path (422 naming Idempotency-Key)', async () => {
    const first = await t.call('POST', '/api/leads', { email: 'grace@mismatch-test.com' }, keyed('mismatch-1'));
    expect(first.status).toBe(201);
    const otherBody = await t.call('POST', '/api/leads', { email: 'grace@mismatch-test.com', firstName: 'Grace' }, keyed('mismatch-1'));
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error.code).toBe('UNPROCESSABLE');
    expect(otherBody.body.error.issues).toEqual([{ path: 'Idempotency-Key', message: expect.stringContaining('different request') }]);
    const otherPath = await t.call('POST', '/api/accounts', { name: 'Mismatch Inc' }, keyed('mismatch-1'));
    expect(otherPath.status).toBe(422);
    expect(await leadsWithEmail(t, 'grace@mismatch-test.com')).toBe(1);
  });

  it('answers 409 while the first request with the key is still running, then replays its answer', async () => {
    const lead = { email: 'linus@inflight-test.com', company: 'In Flight' };
    const hold = holdNextCapture(t);
    const first = t.call('POST', '/api/leads', lead, keyed('inflight-1'));
    await hold.entered;
    const meanwhile = await t.call('POST', '/api/leads', lead, keyed('inflight-1'));
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body.error.issues[0].path).toBe('Idempotency-Key');
    expect(Number(meanwhile.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    hold.release();
    expect((await first).status).toBe(201);
    const after = await t.call('POST', '/api/leads', lead, keyed('inflight-1'));
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotency-replayed')).toBe('true');
    expect(await leadsWithEmail(t, 'linus@inflight-test.com')).toBe(1);
  });

  it('lets a retry take over a key whose lease ran out (its process died) and still makes one lead', async () => {
    const lead = { email: 'barbara@lease-test.com', company: 'Lease Test' };
    const hold = holdNextCapture(t);
    const stuck = t.call('POST', '/api/leads', lead, keyed('lease-1'));
    await hold.entered;
    clock.advance(t.services.config.idempotencyLeaseSeconds * 1000 + 1000);
    const retry = await t.call('POST', '/api/leads', lead, keyed('lease-1'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
    hold.release();
    // The "dead" first request finishes after all: capture dedupes it into the lead the retry made.
    const late = await stuck;
    expect(late.status).toBe(200);
    expect(late.body.leadId).toBe(retry.body.leadId);
    expect(await leadsWithEmail(t, 'barbara@lease-test.com')).toBe(1);
    const replay = await t.call('POST', '/api/leads', lead, keyed('lease-1'));
    expect([replay.status, replay.body]).toEqual([201, retry.body]);
  });

  it('releases the key when the request fails on the server (5xx), so a retry runs it', async () => {
    const real = t.services.captureBatcher;
    t.services.captureBatcher = { capture: () => Promise.reject(new Error('connection terminated')), drain: () => real.drain() };
    const failed = await t.call('POST', '/api/leads', { email: 'katherine@release-test.com' }, keyed('release-1'));
    t.services.captureBatcher = real;
    expect(failed.status).toBe(500);
    const retry = await t.call('POST', '/api/leads', { email: 'katherine@release-test.com' }, keyed('release-1'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
  });

  it('scopes keys to the caller: another API key or user with the same key runs its own request', async () => {
    const lead = { email: 'margaret@scope-test.com' };
    const other = await t.createUser({ role: 'marketing' });
    const otherKey = await t.createApiKey(other.id, ['leads:write']);
    const mine = await t.call('POST', '/api/leads', lead, keyed('shared-key'));
    expect(mine.status).toBe(201);
    const theirs = await t.callAs({ apiKey: otherKey }, 'POST', '/api/leads', lead, keyed('shared-key'));
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotency-replayed')).toBeNull();
    expect(theirs.body.outcome).toBe('merged');
    // Nor is a different request under someone else's key a mismatch.
    const theirOther = await t.callAs({ apiKey: otherKey }, 'POST', '/api/leads', { email: 'other@scope-test.com' }, keyed('shared-key-2'));
    const mineOther = await t.call('POST', '/api/leads', { email: 'mine@scope-test.com' }, keyed('shared-key-2'));
    expect([theirOther.status, mineOther.status]).toEqual([201, 201]);
    // A signed-in user's keys are theirs too, and replayed to them.
    const session = await t.signIn(other.email, other.password!);
    const viaSession = await t.callAs({ session }, 'POST', '/api/leads', { email: 'session@scope-test.com' }, keyed('shared-key'));
    const viaSessionAgain = await t.callAs({ session }, 'POST', '/api/leads', { email: 'session@scope-test.com' }, keyed('shared-key'));
    expect([viaSession.status, viaSessionAgain.status]).toEqual([201, 201]);
    expect(viaSessionAgain.headers.get('idempotency-replayed')).toBe('true');
  });

  it('forgets keys after a day: reuse then is a new request, and old keys are deleted', async () => {
    const first = await t.call('POST', '/api/leads', { email: 'hedy@expiry-test.com' }, keyed('expiry-1'));
    expect(first.status).toBe(201);
    expect((await storedKeys(t)).map((row) => row.key)).toContain('expiry-1');
    clock.advance(23 * 3_600_000);
    expect((await t.call('POST', '/api/leads', { email: 'hedy2@expiry-test.com' }, keyed('expiry-1'))).status).toBe(422);
    clock.advance(2 * 3_600_000);
    const reused = await t.call('POST', '/api/leads', { email: 'hedy2@expiry-test.com' }, keyed('expiry-1'));
    expect(reused.status).toBe(201);
    expect(reused.headers.get('idempotency-replayed')).toBeNull();
    // Every key from the first 25 hours but the reused one has been swept by that write.
    expect((await storedKeys(t)).map((row) => row.key)).toEqual(['expiry-1']);
  });

  it('hashes uploads: the same CSV replays, a multipart retry with a new boundary is the same request, another file is 422', async () => {
    const csv = 'email,first_name\nalan@upload-test.com,Alan\n';
    const asCsv = (body: string, key: string) => t.call('POST', '/api/imports?fileName=leads.csv', body, { 'content-type': 'text/csv', ...keyed(key) });
    const imported = await asCsv(csv, 'upload-1');
    expect(imported.status).toBe(201);
    const again = await asCsv(csv, 'upload-1');
    expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(imported.body);
    expect((await asCsv(`${csv}ada@upload-test.com,Ada\n`, 'upload-1')).status).toBe(422);

    const multipart = async (key: string, fileText: string) => {
      const form = new FormData();
      form.append('file', new File([fileText], 'leads.csv', { type: 'text/csv' }));
      const response = await t.app.request('/api/imports/preview', { method: 'POST', body: form, headers: { authorization: `Bearer ${t.admin.apiKey}`, ...keyed(key) } });
      return { status: response.status, replayed: response.headers.get('idempotency-replayed'), body: await response.json() };
    };
    const preview = await multipart('upload-2', csv);
    expect(preview.status).toBe(200);
    const previewAgain = await multipart('upload-2', csv);
    expect([previewAgain.status, previewAgain.replayed]).toEqual([200, 'true']);
    expect((await multipart('upload-2', 'email\nother@upload-test.com\n')).status).toBe(422);
  });

  it('replays a form-encoded web-form post sent with an API key (the body is hashed before anything parses it)', async () => {
    const form = 'email=ida%40form-test.com&first_name=Ida&utm_source=partner';
    const post = () => t.call('POST', '/api/capture', form, { 'content-type': 'application/x-www-form-urlencoded', ...keyed('form-1') });
    const first = await post();
    expect(first.status).toBe(201);
    const again = await post();
    expect([again.status, again.headers.get('idempotency-replayed')]).toEqual([201, 'true']);
    expect(await leadsWithEmail(t, 'ida@form-test.com')).toBe(1);
    expect((await t.call('POST', '/api/capture', `${form}&city=Berlin`, { 'content-type': 'application/x-www-form-urlencoded', ...keyed('form-1') })).status).toBe(422);
  });

  it('never keeps a response that carries a secret: a retry is told the request completed, without it', async () => {
    const created = await t.call('POST', '/api/api-keys', { name: 'idempotent key', scopes: ['leads:read'] }, keyed('secret-1'));
    expect(created.status).toBe(201);
    const retry = await t.call('POST', '/api/api-keys', { name: 'idempotent key', scopes: ['leads:read'] }, keyed('secret-1'));
    expect(retry.status).toBe(409);
    expect(retry.body.error.message).toContain('status 201');
    expect(retry.body.error.message).toContain('secret');
    const row = (await storedKeys(t)).find((stored) => stored.key === 'secret-1')!;
    expect(row).toMatchObject({ state: 'completed', response_body: null });
    expect(JSON.stringify(await storedKeys(t))).not.toContain(created.body.key);
  });

  it('refuses a malformed key with 400 naming the header, and ignores the header where no caller owns it', async () => {
    for (const bad of ['', 'x'.repeat(256), 'tab\tinside', 'caf\u00e9']) {
      const response = await t.call('POST', '/api/leads', { email: 'bad-key@format-test.com' }, keyed(bad));
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.body.error.issues[0].path).toBe('Idempotency-Key');
    }
    expect((await t.call('POST', '/api/leads', { email: 'ok-key@format-test.com' }, keyed('x'.repeat(255)))).status).toBe(201);
    // An anonymous web form has no one to scope a key to: each post is captured (and deduped) on its own.
    const form = { email: 'anon@format-test.com' };
    const anonymous = await t.callAs('anonymous', 'POST', '/api/capture', form, keyed('anon-1'));
    const anonymousAgain = await t.callAs('anonymous', 'POST', '/api/capture', form, keyed('anon-1'));
    expect([anonymous.status, anonymousAgain.status]).toEqual([201, 200]);
    expect(anonymousAgain.headers.get('idempotency-replayed')).toBeNull();
  });

  it('has no effect on reads', async () => {
    const first = await t.call('GET', '/api/health', undefined, keyed('read-1'));
    const second = await t.call('GET', '/api/health', undefined, keyed('read-1'));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotency-replayed')).toBeNull();
    expect((await storedKeys(t)).map((row) => row.key)).not.toContain('read-1');
  });
});
