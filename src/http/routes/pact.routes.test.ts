import { afterAll, beforeAll, expect, it } from 'vitest';
// The app first: @hono/zod-openapi must extend zod before any schema is built (zod 4 copies methods at construction).
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { defaultPact } from '../../core/pact/default-pact.ts';
import { createSalesOrg, type SalesOrg } from '../../../test/support/sales-org.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

describeEachDatabase('pact versions API', (kind) => {
  let t: TestApp;
  let org: SalesOrg;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createSalesOrg(t.database.db);
  });
  afterAll(() => t.destroy());

  it('ships an active default pact, readable as text', async () => {
    const active = await t.call('GET', '/api/pact');
    expect(active.status).toBe(200);
    expect(active.body.version).toMatchObject({ version: 1, status: 'active' });
    expect(active.body.text).toMatch(/MQL/);
  });

  it('refuses a broken pact whole, naming every problem by path', async () => {
    const broken = { ...defaultPact(), routing: { ...defaultPact().routing, field: { ...defaultPact().routing.field, strategy: ['coin_flip'] } }, grading: { basis: 'fit', thresholds: { A: 10, B: 20, C: 5 } } };
    const response = await t.call('POST', '/api/pact-versions', { document: broken });
    expect(response.status).toBe(400);
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toContain('routing.field.strategy.0');
    expect(paths).toContain('grading.thresholds');
    const versions = await t.call('GET', '/api/pact-versions');
    expect(versions.body.versions).toHaveLength(1);
    const validation = await t.call('POST', '/api/pact-versions/validate', { document: 'name: [unclosed' });
    expect(validation.body.valid).toBe(false);
    expect(validation.body.issues[0].path).toBe('(document)');
  });

  it('validates a draft as you type and, once it is valid, says what it changes from the active version', async () => {
    const stricter = defaultPact();
    stricter.grading.thresholds.A += 5;
    const valid = await t.call('POST', '/api/pact-versions/validate', { document: JSON.stringify(stricter) });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ valid: true, issues: [], diff: { against: 1 } });
    expect(valid.body.diff.changes).toEqual([
      expect.objectContaining({ path: 'grading.thresholds.A', kind: 'changed', before: defaultPact().grading.thresholds.A, after: stricter.grading.thresholds.A }),
    ]);

    const unchanged = await t.call('POST', '/api/pact-versions/validate', { document: defaultPact() });
    expect(unchanged.body.diff).toEqual({ against: 1, changes: [] });

    stricter.grading.thresholds.B = stricter.grading.thresholds.A + 1;
    const invalid = await t.call('POST', '/api/pact-versions/validate', { document: stricter });
    expect(invalid.body).toMatchObject({ valid: false, diff: null });
    expect(invalid.body.issues.map((issue: { path: string }) => issue.path)).toContain('grading.thresholds');
  });

  it('goes draft → approved by marketing and sales → active, then rescores every open lead', async () => {
    // A lead that is an inquiry under the default pact: decent fit, a single content download.
    const lead = await t.call('POST', '/api/leads', { email: 'joe.park@mid-market-co.com', firstName: 'Joe', lastName: 'Park', title: 'Marketing Manager', company: 'Mid Market Co', employees: 300, country: 'US', touch: { type: 'content_download' } });
    expect(lead.body.stage).toBe('inquiry');

    const generous = defaultPact();
    generous.mql.anyOf.unshift({ label: 'Any content download', when: [{ field: 'touch.types', op: 'in', value: ['content_download'] }] });
    const seniority = generous.fitRules.find((rule) => rule.id === 'seniority-manager' || rule.label.toLowerCase().includes('manager'));
    if (seniority) seniority.points += 30;
    const proposed = await t.call('POST', '/api/pact-versions', { document: generous, note: 'Content downloads qualify' });
    expect(proposed.status).toBe(201);
    const version = proposed.body.version;

    expect((await t.call('POST', `/api/pact-versions/${version}/activate`)).status).toBe(409);
    // The approver is whoever calls, for their own side: admins sign for neither, and nobody names someone else.
    const approve = `/api/pact-versions/${version}/approve`;
    expect((await t.call('POST', approve)).status).toBe(403);
    expect((await t.call('POST', approve, { approverEmail: 'mara@example.test' })).status).toBe(400);
    const repKey = await t.createApiKey(org.reps['ivan@example.test']!, ['pact:read', 'leads:read']);
    expect((await t.callAs({ apiKey: repKey }, 'POST', approve)).status).toBe(403);
    const marketingKey = await t.createApiKey(org.reps['mara@example.test']!, ['pact:write']);
    const managerKey = await t.createApiKey(org.reps['sam@example.test']!, ['pact:write']);
    const marketing = await t.callAs({ apiKey: marketingKey }, 'POST', approve);
    expect(marketing.body.status).toBe('draft');
    expect(marketing.body.marketingApproval.by).toBe(org.reps['mara@example.test']);
    // The approver's name comes with the approval: reps and executives, who cannot list users, see who signed.
    expect(marketing.body.marketingApproval.name).toBe('Mara Marketing');
    expect((await t.callAs({ apiKey: marketingKey }, 'POST', approve, {})).status).toBe(409);
    const sales = await t.callAs({ apiKey: managerKey }, 'POST', approve);
    expect(sales.body.status).toBe('approved');
    expect(sales.body.salesApproval.by).toBe(org.reps['sam@example.test']);
    const listed = await t.callAs({ apiKey: repKey }, 'GET', '/api/pact-versions');
    const listedVersion = listed.body.versions.find((row: { version: number }) => row.version === version);
    expect(listedVersion.marketingApproval.name).toBe('Mara Marketing');
    expect(listedVersion.salesApproval.name).toBe('Sam Manager');

    const diff = await t.call('GET', `/api/pact-versions/${version}/diff`);
    expect(diff.body.changes.length).toBeGreaterThan(0);
    expect(diff.body.text).toMatch(/Any content download/);

    const activation = await t.call('POST', `/api/pact-versions/${version}/activate`);
    expect(activation.status).toBe(202);
    expect(activation.body.previousVersion).toBe(1);
    const run = await t.call('GET', `/api/rescore-runs/${activation.body.rescoreRunId}`);
    expect(run.body.status).toBe('completed');
    expect(run.body.processed).toBe(run.body.total);
    expect(run.body.becameMql).toBeGreaterThanOrEqual(1);
    expect(run.body.resurfaced).toBe((run.body.summary as { resurfaced: number }).resurfaced);

    const after = await t.call('GET', `/api/leads/${lead.body.leadId}`);
    expect(after.body.lead.stage).toBe('mql');
    expect(after.body.lead.mqlClause).toBe('Any content download');
    expect(after.body.lead.pactVersionId).toBe(proposed.body.id);
    expect(after.body.owner).not.toBeNull();
    const versions = await t.call('GET', '/api/pact-versions');
    expect(versions.body.versions.filter((row: { status: string }) => row.status === 'active')).toHaveLength(1);
    expect(versions.body.versions.find((row: { version: number }) => row.version === 1).status).toBe('retired');
  });
});
