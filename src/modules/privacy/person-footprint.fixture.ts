import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { PgBoss, fromPglite } from 'pg-boss';
import { createSalesOrg } from '../../../test/support/sales-org.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { defaultPact } from '../../core/pact/default-pact.ts';
import { recordAuditBatch } from '../audit/record-audit.ts';
import { captureLeads, type CaptureActor } from '../capture/capture-leads.ts';
import { runImport } from '../imports/run-import.ts';
import { startJobQueue } from '../jobs/job-queue.ts';
import { mergeLeads } from '../leads/merge-leads.ts';
import { activatePactVersion } from '../pact/activate-pact-version.ts';
import { approvePactVersion } from '../pact/approve-pact-version.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { proposePactVersion } from '../pact/propose-pact-version.ts';
import { rescoreOpenLeads } from '../pact/rescore-open-leads.ts';
import { applicationSchemas } from './application-tables.ts';
import { recordConsents } from './record-consents.ts';
import { currentSchema } from './stored-text.repository.ts';
import { operatorAccess } from '../../core/access/access-context.ts';

/** The person whose every trace the privacy tests look for. */
export const dana = {
  email: 'Dana.Reyes@Northwind-Analytics.com',
  otherEmail: 'd.reyes.home@gmail.com',
  phoneTyped: '(415) 555-0123',
  phoneE164: '+14155550123',
  firstName: 'Dana',
  lastName: 'Reyes',
  company: 'Northwind Analytics',
};

/** Someone else, who must come through every erasure of Dana untouched. */
export const kim = { email: 'kim.lee@contoso-labs.com', phone: '+1 650 253 0000', lastName: 'Lee' };

export interface PersonFootprint {
  survivorId: string;
  duplicateId: string;
  kimId: string;
  jobSchema: string;
}

const actor: CaptureActor = { type: 'api_key', id: null, label: 'API' };

/**
 * Dana leaves every trace leadpact can hold: a capture with phone, title, city and a touch that
 * quotes her, a consent, an import row, a second lead with her phone flagged as a duplicate and
 * merged, an opportunity named after her, a pact rescore (events, a pg-boss job), audit entries
 * about her lead and elsewhere quoting her, and a pg-boss job payload that mentions her — next to
 * Kim, who is someone else.
 */
export async function leaveFootprint(database: TestDatabase, now: Date): Promise<PersonFootprint> {
  await installDefaultPact(database.db);
  await createSalesOrg(database.db);
  const [first, other] = await captureLeads(database.db, {
    items: [
      {
        input: {
          email: dana.email,
          firstName: dana.firstName,
          lastName: dana.lastName,
          title: 'VP Sales',
          company: dana.company,
          employees: 400,
          industry: 'Software',
          country: 'US',
          state: 'CA',
          city: 'Oakland',
          phone: dana.phoneTyped,
          touch: { type: 'demo_request', detail: { message: `Dana Reyes asks for a demo, call ${dana.phoneTyped}` } },
          attributes: { linkedin: 'linkedin.com/in/dana-reyes' },
          consent: { basis: 'consent', marketingEmail: true, source: 'pricing page form' },
        },
      },
      { input: { email: kim.email, firstName: 'Kim', lastName: kim.lastName, company: 'Contoso Labs', phone: kim.phone, country: 'US' } },
    ],
    actor,
    now,
    defaultTouchType: 'form_fill',
  });
  if (first?.outcome !== 'created' || other?.outcome !== 'created') throw new Error('fixture: expected two new leads');
  await recordConsents(database.db, [{ leadId: first.leadId, consent: { basis: 'consent', marketingEmail: true, source: 'pricing page form' }, defaultCapturedAt: now }]);

  const csv = ['email,first_name,last_name,company,phone', `dana.reyes+events@northwind-analytics.com,Dana,Reyes,${dana.company},${dana.phoneTyped}`].join('\n');
  await runImport(database.db, { access: operatorAccess, fileName: 'webinar-attendees.csv', source: Readable.from([Buffer.from(csv)]), actor: { type: 'import', id: null, label: 'import webinar-attendees.csv' }, now });

  const [second] = await captureLeads(database.db, {
    items: [{ input: { email: dana.otherEmail, firstName: dana.firstName, lastName: dana.lastName, phone: dana.phoneTyped, touch: { type: 'webinar' } } }],
    actor,
    now: new Date(now.getTime() + 60_000),
    defaultTouchType: 'form_fill',
  });
  if (second?.outcome !== 'created') throw new Error('fixture: expected the duplicate to be a new lead');
  await mergeLeads(database.db, { survivorId: first.leadId, mergedId: second.leadId, actor: { type: 'user', id: null, label: 'test' }, now: new Date(now.getTime() + 120_000), access: operatorAccess });

  await sql`insert into opportunities (lead_id, name, amount_minor, expected_close_on, status, opened_at)
    values (${first.leadId}, ${`${dana.company} — Dana Reyes`}, 1200000, '2027-03-31', 'open', ${now.toISOString()})`.execute(database.db);

  const stricter = defaultPact();
  stricter.grading.thresholds = { A: 95, B: 90, C: 85 };
  const pactActor = { type: 'system' as const, id: null };
  const { version } = await proposePactVersion(database.db, { document: stricter, note: 'stricter', actor: pactActor, createdBy: null, access: operatorAccess });
  await approvePactVersion(database.db, { version, approver: { email: 'mara@example.test' }, access: operatorAccess, actor: pactActor, now });
  await approvePactVersion(database.db, { version, approver: { email: 'sam@example.test' }, access: operatorAccess, actor: pactActor, now });
  const activation = await activatePactVersion(database.db, { version, activatedBy: null, actor: pactActor, now, access: operatorAccess });
  const jobs = await startJobQueue(database, { work: false });
  await jobs.enqueueRescore(activation.rescoreRunId);
  await jobs.stop();
  await rescoreOpenLeads(database.db, { runId: activation.rescoreRunId, now });

  await recordAuditBatch(database.db, [
    {
      actor: { type: 'api_key', id: null },
      action: 'create',
      entityType: 'lead',
      entityId: first.leadId,
      newValues: { email: dana.email.toLowerCase(), first_name: dana.firstName, last_name: dana.lastName, phone: dana.phoneE164, stage: 'mql', grade: 'A', request: { phone: dana.phoneTyped } },
    },
    { actor: { type: 'system', id: null }, action: 'create', entityType: 'webhook_delivery', entityId: 'w-1', newValues: { payload: { to: dana.email, name: `${dana.firstName} ${dana.lastName}` } } },
  ]);

  const jobSchema = applicationSchemas(await currentSchema(database.db))[1]!;
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: jobSchema, supervise: false, schedule: false })
      : new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2, schema: jobSchema, supervise: false, schedule: false });
  await boss.start();
  await boss.createQueue('webhook-deliveries');
  await boss.send('webhook-deliveries', { to: dana.email, phone: dana.phoneTyped, name: `${dana.firstName} ${dana.lastName}` });
  await boss.stop({ graceful: true, timeout: 5000 });

  return { survivorId: first.leadId, duplicateId: second.leadId, kimId: other.leadId, jobSchema };
}

/**
 * Every row of every table in leadpact's schema and pg-boss's, each as its whole-row text
 * (`select t::text from schema.table t`), with the tables dumped.
 */
export async function dumpDatabase(database: TestDatabase): Promise<{ text: string; tables: string[] }> {
  const schemas = applicationSchemas(await currentSchema(database.db));
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in (${sql.join(schemas)}) and table_type = 'BASE TABLE' order by 1, 2`.execute(database.db);
  const parts: string[] = [];
  for (const table of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.id(table.schema, table.name)} t`.execute(database.db);
    parts.push(...rows.rows.map((row) => `${table.schema}.${table.name} ${row.row}`));
  }
  return { text: parts.join('\n'), tables: tables.rows.map((table) => `${table.schema}.${table.name}`) };
}
