import { stringify as toYaml } from 'yaml';
import type { TestApp, TestResponse } from '../../../test/support/test-app.ts';
import type { KnownRecords } from './fuzz-vocabulary.ts';

/** The body of a seeding response when its status is one of `statuses`; otherwise notes the problem and returns null. */
async function expectStatus(problems: string[], response: Promise<TestResponse>, what: string, ...statuses: number[]): Promise<any> {
  const answered = await response;
  if (statuses.includes(answered.status)) return answered.body;
  problems.push(`${what} answered ${answered.status}: ${JSON.stringify(answered.body).slice(0, 300)}`);
  return null;
}

/** Broken copies of a pact document: a top-level section dropped, or replaced by a value of the wrong kind. */
function brokenPactDocuments(document: Record<string, unknown>): unknown[] {
  const sections = Object.keys(document);
  const withoutSection = sections.slice(0, 4).map((section) => Object.fromEntries(Object.entries(document).filter(([key]) => key !== section)));
  const wrongValues: unknown[] = ['{{7*7}}', -1, null, [], { nested: true }];
  const withWrongValue = sections.slice(0, 5).map((section, index) => ({ ...document, [section]: wrongValues[index % wrongValues.length] }));
  return [...withoutSection, ...withWrongValue];
}

/**
 * Creates, through the app's own API as the admin, a few of everything an id can point at — teams,
 * users of every role, accounts, campaigns, leads (some MQLs, one with consent), a touch, pact
 * versions (the installed 1; 2 approved by the marketing user and the sales manager and activated,
 * so a rescore run exists; 3 left a draft), an import, API keys — and returns their ids by
 * collection with the names and e-mails worth drawing. A request that does not answer as expected
 * is noted in `problems` and its record left out.
 */
export async function seedFuzzRecords(testApp: TestApp): Promise<{ known: Omit<KnownRecords, 'passwords'>; problems: string[] }> {
  const call = testApp.call;
  const problems: string[] = [];
  const seeded = (response: Promise<TestResponse>, what: string, ...statuses: number[]) => expectStatus(problems, response, what, ...statuses);
  const ids: Record<string, (string | number)[]> = { leads: [], accounts: [], campaigns: [], teams: [], users: [], 'pact-versions': [], 'rescore-runs': [], imports: [], 'api-keys': [] };
  const keep = (collection: string, value: unknown) => {
  if (typeof value === 'string' || typeof value === 'number') ids[collection]!.push(value);
  };
  const emails: string[] = [];

  for (const [name, accountClass] of [['Field Sales', 'field'], ['Inside Sales', 'inside'], ['Growth', 'marketing_led']] as const) {
    keep('teams', (await seeded(call('POST', '/api/teams', { name, accountClass }), 'POST /api/teams', 201))?.id);
  }
  const people = [
    { email: 'morgan.marketing@fuzz.test', name: 'Morgan', role: 'marketing' },
    { email: 'sam.manager@fuzz.test', name: 'Sam', role: 'sales_manager', team: 'Inside Sales' },
    { email: 'robin.rep@fuzz.test', name: 'Robin', role: 'sales_rep', team: 'Inside Sales', capacity: 50 },
    { email: 'riley.rep@fuzz.test', name: 'Riley', role: 'sales_rep', team: 'Field Sales', capacity: 50 },
    { email: 'evan.exec@fuzz.test', name: 'Evan', role: 'executive' },
  ];
  const userIdByEmail = new Map<string, string>();
  for (const person of people) {
    const id = (await seeded(call('POST', '/api/users', person), 'POST /api/users', 201))?.id;
    if (typeof id === 'string') userIdByEmail.set(person.email, id);
    keep('users', id);
    emails.push(person.email);
  }

  const accounts = [
    { name: 'Acme Robotics', domain: 'acme-robotics.com', industry: 'Manufacturing', employees: 1200, country: 'US' },
    { name: 'Globex', domain: 'globex.de', industry: 'Software', employees: 80, country: 'DE' },
    { name: 'Initech', domain: 'initech.example', employees: 15 },
  ];
  for (const account of accounts) keep('accounts', (await seeded(call('POST', '/api/accounts', account), 'POST /api/accounts', 201))?.id);
  const campaignNames = ['Spring Webinar', 'Paid Search Q1', 'Partner Referral'];
  for (const [index, name] of campaignNames.entries()) {
    const channel = ['webinar', 'paid_search', 'partner'][index];
    keep('campaigns', (await seeded(call('POST', '/api/campaigns', { name, channel, costMinor: 100_000 * (index + 1) }), 'POST /api/campaigns', 201))?.id);
  }

  const leads = [
    { email: 'dana.reyes@acme-robotics.com', firstName: 'Dana', lastName: 'Reyes', title: 'VP Sales', company: 'Acme Robotics', country: 'US', phone: '+1 415 555 0100', touch: { type: 'demo_request' } },
    { email: 'li.wei@globex.de', firstName: 'Li', lastName: 'Wei', title: 'CEO', company: 'Globex', country: 'DE', touch: { type: 'webinar' }, campaign: 'Spring Webinar' },
    { email: 'zoe.muller@initech.example', firstName: 'Zoë', lastName: 'Müller', company: 'Initech', touch: { type: 'content_download' } },
    { email: 'student@gmail.com', firstName: 'Stu', lastName: 'Dent', title: 'Student', touch: { type: 'form_fill' } },
    { email: 'asdf@asdf.com', firstName: 'asdf', lastName: 'asdf' },
    { email: 'pat.lee@acme-robotics.com', firstName: 'Pat', lastName: 'Lee', title: 'Director of Operations', company: 'Acme Robotics', touch: { type: 'contact_request' } },
    { phone: '+44 20 7946 0958', firstName: 'Phone', lastName: 'Only', company: 'Globex' },
    { email: 'consent@initech.example', firstName: 'Con', lastName: 'Sent', consent: { basis: 'consent', marketingEmail: true, source: 'fixture' } },
  ];
  for (const lead of leads) {
    keep('leads', (await seeded(call('POST', '/api/leads', lead), 'POST /api/leads', 200, 201))?.leadId);
    if (lead.email) emails.push(lead.email);
  }
  await seeded(call('POST', '/api/touches', { leadId: ids.leads![0], type: 'webinar', campaign: 'Spring Webinar', occurredAt: '2026-01-05T10:00:00Z' }), 'POST /api/touches', 200, 201);

  // Pact versions: the installed one (1), an approved and activated copy (2, with its rescore run), a draft (3).
  const active = await seeded(call('GET', '/api/pact-versions/1'), 'GET /api/pact-versions/1', 200);
  const pactDocument = (active?.document ?? {}) as Record<string, unknown>;
  ids['pact-versions']!.push(1);
  const proposed: number[] = [];
  for (const note of ['fuzz: to activate', 'fuzz: left a draft']) {
    const version = (await seeded(call('POST', '/api/pact-versions', { document: pactDocument, note }), 'POST /api/pact-versions', 201))?.version;
    if (typeof version === 'number') proposed.push(version);
    keep('pact-versions', version);
  }
  const [toActivate] = proposed;
  if (toActivate !== undefined) {
    // The approver is the caller: the marketing user, then the sales manager, each with a key of their own.
    for (const approverEmail of ['morgan.marketing@fuzz.test', 'sam.manager@fuzz.test']) {
      const approverId = userIdByEmail.get(approverEmail);
      if (approverId === undefined) continue;
      const approverKey = await testApp.createApiKey(approverId);
      await seeded(testApp.callAs({ apiKey: approverKey }, 'POST', `/api/pact-versions/${toActivate}/approve`), `approve as ${approverEmail}`, 200);
    }
    keep('rescore-runs', (await seeded(call('POST', `/api/pact-versions/${toActivate}/activate`), 'activate', 202))?.rescoreRunId);
  }

  const csv = 'email,first_name,last_name,company\nimported.one@acme-robotics.com,Imported,One,Acme Robotics\nnot-an-email,Bad,Row,\nimported.two@globex.de,Imported,Two,Globex\n';
  keep('imports', (await seeded(call('POST', '/api/imports?fileName=fixture.csv', csv, { 'content-type': 'text/csv' }), 'POST /api/imports', 201))?.importId);
  for (const name of ['fuzz key one', 'fuzz key two']) {
    keep('api-keys', (await seeded(call('POST', '/api/api-keys', { name, scopes: ['leads:read'] }), 'POST /api/api-keys', 201))?.id);
  }

  return {
    known: {
      ids,
      emails,
      campaignNames,
      teamNames: ['Field Sales', 'Inside Sales', 'Growth'],
      pactDocuments: [pactDocument, JSON.stringify(pactDocument), toYaml(pactDocument), ...brokenPactDocuments(pactDocument), 'not: [valid', ''],
    },
    problems,
  };
}
