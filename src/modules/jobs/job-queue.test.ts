import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultPact } from '../../core/pact/default-pact.ts';
import { createSalesOrg } from '../../../test/support/sales-org.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { captureLeads } from '../capture/capture-leads.ts';
import { activatePactVersion } from '../pact/activate-pact-version.ts';
import { approvePactVersion } from '../pact/approve-pact-version.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { proposePactVersion } from '../pact/propose-pact-version.ts';
import { findRescoreRun } from '../pact/rescore-run.repository.ts';
import { startJobQueue, type JobQueue } from './job-queue.ts';
import { operatorAccess } from '../../core/access/access-context.ts';

describeEachDatabase('rescoring runs as a pg-boss job', (kind) => {
  let database: TestDatabase;
  let jobs: JobQueue;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    await createSalesOrg(database.db);
    jobs = await startJobQueue(database, { work: true });
  });
  afterAll(async () => {
    await jobs.stop();
    await database.destroy();
  });

  it('rescores every open lead after activation and reports progress and a summary', async () => {
    const items = Array.from({ length: 30 }, (_, index) => ({ input: { email: `p${index}@steady-corp.com`, firstName: 'P', lastName: `Number${index}`, title: index % 2 ? 'Director of IT' : 'Analyst', employees: 300, country: 'US', touch: { type: 'webinar' as const } } }));
    await captureLeads(database.db, { items, actor: { type: 'system', id: null, label: 'test' }, now: new Date(), defaultTouchType: 'form_fill' });
    const stricter = defaultPact();
    stricter.grading.thresholds = { A: 90, B: 80, C: 70 };
    const actor = { type: 'system' as const, id: null };
    const { version } = await proposePactVersion(database.db, { document: stricter, note: 'stricter grades', actor, createdBy: null, access: operatorAccess });
    await approvePactVersion(database.db, { version, approver: { email: 'mara@example.test' }, access: operatorAccess, actor, now: new Date() });
    await approvePactVersion(database.db, { version, approver: { email: 'sam@example.test' }, access: operatorAccess, actor, now: new Date() });
    const activation = await activatePactVersion(database.db, { version, activatedBy: null, actor, now: new Date(), access: operatorAccess });
    await jobs.enqueueRescore(activation.rescoreRunId);
    let run = await findRescoreRun(database.db, activation.rescoreRunId);
    for (let waited = 0; run?.status !== 'completed' && run?.status !== 'failed' && waited < 300; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = await findRescoreRun(database.db, activation.rescoreRunId);
    }
    expect(run?.status).toBe('completed');
    expect(run?.total).toBe(30);
    expect(run?.processed).toBe(30);
    expect(run?.grade_changed).toBeGreaterThan(0);
    const grades = await database.db.selectFrom('leads').select('grade').execute();
    expect(grades.every((row) => row.grade === 'D')).toBe(true);
    const events = await database.db.selectFrom('lead_events').select('reason').where('type', '=', 'rescored').execute();
    expect(events).toHaveLength(run!.grade_changed);
  });
});
