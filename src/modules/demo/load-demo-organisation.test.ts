import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { operatorAccess } from '../../core/access/access-context.ts';
import { pactDocumentSchema, type PactDocument } from '../../core/pact/pact-schema.ts';
import { prepareDatabase } from '../../db/prepare-database.ts';
import { activatePactVersion } from '../pact/activate-pact-version.ts';
import { approvePactVersion } from '../pact/approve-pact-version.ts';
import { findActivePactVersion, listPactVersions } from '../pact/pact-version.repository.ts';
import { proposePactVersion } from '../pact/propose-pact-version.ts';
import { rescoreOpenLeads, type RescoreSummary } from '../pact/rescore-open-leads.ts';
import { loadDemoOrganisation } from './load-demo-organisation.ts';

const now = new Date('2026-11-22T12:00:00Z');
const dayMs = 86_400_000;
const operator = { type: 'system' as const, id: null };

// The small demo `leadpact demo --leads 250` would load, through the same path (schema, default pact, demo).
describeEachDatabase('the demo organisation', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadDemoOrganisation(database.db, { seed: 7, now, leadCount: 250, accountCount: 50 });
  }, 300_000);
  afterAll(() => database.destroy());

  async function putInForce(document: PactDocument): Promise<RescoreSummary> {
    const proposed = await proposePactVersion(database.db, { document, actor: operator, createdBy: null, access: operatorAccess });
    for (const email of ['morgan@demo.leadpact.dev', 'sam@demo.leadpact.dev']) {
      await approvePactVersion(database.db, { version: proposed.version, approver: { email }, access: operatorAccess, actor: operator, now });
    }
    const activation = await activatePactVersion(database.db, { version: proposed.version, activatedBy: null, actor: operator, now, access: operatorAccess });
    return rescoreOpenLeads(database.db, { runId: activation.rescoreRunId, now });
  }

  const scoresOf = () => database.db.selectFrom('leads').select(['id', 'fit_score', 'score', 'grade', 'engagement_score', 'stage']).orderBy('id').execute();

  it('dates its pact history in order: the default pact, then the demo pact proposed, signed by each side and put in force a year ago', async () => {
    const [demo, installed] = await listPactVersions(database.db);
    expect([installed?.version, installed?.status, demo?.version, demo?.status]).toEqual([1, 'retired', 2, 'active']);
    const at = (date: Date | null | undefined) => date?.getTime() ?? Number.NaN;
    const history = [installed?.created_at, installed?.activated_at, demo?.created_at, demo?.marketing_approved_at, demo?.sales_approved_at, demo?.activated_at].map(at);
    expect(history.every((time) => !Number.isNaN(time))).toBe(true);
    expect(history).toEqual([...history].sort((a, b) => a - b));
    expect(at(installed?.retired_at)).toBe(at(demo?.activated_at));
    expect(at(demo?.activated_at)).toBeLessThan(now.getTime() - 365 * dayMs);
    const firstCapture = await database.db.selectFrom('leads').select((eb) => eb.fn.min('created_at').as('first')).executeTakeFirstOrThrow();
    expect(at(demo?.activated_at)).toBeLessThan(at(new Date(firstCapture.first as Date)));
  });

  // The Pact screen showed "C→B" and new MQLs after a pact that only made A stricter: leads touched
  // again after capture had been scored without their account's industry, size and country.
  it('stores the scores its own pact gives: putting the same pact in force again changes no score or grade', async () => {
    const before = await scoresOf();
    const active = await findActivePactVersion(database.db);
    const summary = await putInForce(pactDocumentSchema.parse(active!.document));
    expect(summary.processed).toBeGreaterThan(50);
    expect({ gradeChanges: summary.gradeChanges, becameMql: summary.becameMql }).toEqual({ gradeChanges: {}, becameMql: 0 });
    const after = new Map((await scoresOf()).map((lead) => [lead.id, lead]));
    let resurfaced = 0;
    for (const lead of before) {
      const rescored = after.get(lead.id)!;
      expect([rescored.fit_score, rescored.grade]).toEqual([lead.fit_score, lead.grade]);
      // Rescored at `now`, after the last touch: engagement may only have decayed.
      if (lead.engagement_score !== null) expect(rescored.engagement_score!).toBeLessThanOrEqual(lead.engagement_score);
      if (rescored.stage !== lead.stage) {
        expect([lead.stage, rescored.stage]).toEqual(['recycled', 'mql']);
        resurfaced += 1;
      }
    }
    // Nothing brings a recycled lead back on its date but a capture or a rescoring: those that are due come back now, and are counted apart.
    expect(summary.resurfaced).toBe(resurfaced);
  });

  it('raising grade A’s threshold only moves leads from A to B and makes no new MQL', async () => {
    const active = pactDocumentSchema.parse((await findActivePactVersion(database.db))!.document);
    const before = new Map((await scoresOf()).map((lead) => [lead.id, lead]));
    const summary = await putInForce({ ...active, grading: { ...active.grading, thresholds: { ...active.grading.thresholds, A: 65 } } });
    expect(Object.keys(summary.gradeChanges)).toEqual(summary.gradeChanged > 0 ? ['A→B'] : []);
    expect({ becameMql: summary.becameMql, resurfaced: summary.resurfaced }).toEqual({ becameMql: 0, resurfaced: 0 });
    for (const lead of await scoresOf()) {
      const previous = before.get(lead.id)!;
      if (lead.grade !== previous.grade) expect([previous.grade, lead.grade, lead.fit_score! >= 60 && lead.fit_score! < 65]).toEqual(['A', 'B', true]);
    }
  });
});
