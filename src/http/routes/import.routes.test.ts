import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { loadConfig } from '../../config.ts';
import { createApp } from '../create-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

const leadsCsv = [
  'email,first_name,last_name,company,employees,country',
  'nora.kim@helix-analytics.com,Nora,Kim,Helix Analytics,300,US',
  'omar@bright-freight.com,Omar,Haddad,Bright Freight,=1+1,US',
  'not-an-email,Pia,Lund,Lund AB,12,SE',
].join('\n');

const xEducationMapping = readFileSync(new URL('../../../examples/x-education.mapping.json', import.meta.url), 'utf8');

function form(fields: Record<string, string | Blob>, fileName = 'leads.csv'): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') body.append(name, value);
    else body.append(name, value, fileName);
  }
  return body;
}

describeEachDatabase('imports API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2026-11-22T10:00:00Z') });
  });
  afterAll(() => t.destroy());

  const asAdmin = () => ({ authorization: `Bearer ${t.admin.apiKey}` });
  const post = (path: string, body: FormData | string, headers: Record<string, string> = {}) => t.app.request(path, { method: 'POST', body, headers: { ...asAdmin(), ...headers } });

  it('imports a multipart upload and reports every row; the rows are listed and exported as CSV with formulas neutralized', async () => {
    const response = await post('/api/imports', form({ file: new Blob([leadsCsv], { type: 'text/csv' }) }));
    expect(response.status).toBe(201);
    const report = await response.json();
    expect(report).toMatchObject({ rows: 3, created: 1, merged: 0, junk: 0, rejected: 2, format: 'leadpact', errorsTruncated: 0 });
    expect(report.errors.map((error: { line: number; field: string }) => [error.line, error.field])).toEqual([
      [3, 'employees'],
      [4, 'email'],
    ]);

    const detail = await t.call('GET', `/api/imports/${report.importId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: report.importId, fileName: 'leads.csv', status: 'completed', rowCount: 3, createdCount: 1, rejectedCount: 2 });
    const list = await t.call('GET', '/api/imports');
    expect(list.body.imports.map((entry: { id: string }) => entry.id)).toContain(report.importId);

    const rejected = await t.call('GET', `/api/imports/${report.importId}/rows?outcome=rejected&limit=1&offset=1`);
    expect(rejected.body).toMatchObject({ total: 2, limit: 1, offset: 1, rows: [{ line: 4, outcome: 'rejected', leadId: null, field: 'email' }] });

    const csv = await t.app.request(`/api/imports/${report.importId}/rows.csv`, { headers: asAdmin() });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows: string[][] = parse(await csv.text());
    expect(rows[0]).toEqual(['line', 'outcome', 'lead_id', 'field', 'message']);
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['line', 'outcome'],
      ['2', 'created'],
      ['3', 'rejected'],
      ['4', 'rejected'],
    ]);
    // Starts with a quote, so a spreadsheet shows it as text already; it is left as written.
    expect(rows[2]?.[4]).toMatch(/^"=1\+1" is not a number of employees/);
    expect(rows[2]?.[3]).toBe('employees');
  });

  it('neutralizes a formula in a column name too', async () => {
    const text = 'email,@cmd\nlea@stern-optics.de,x\n';
    const mapping = JSON.stringify({ name: 'm', columns: { email: 'email', '@cmd': 'employees' } });
    const report = await (await post('/api/imports', form({ file: new Blob([text]), mapping }))).json();
    expect(report.errors).toEqual([{ line: 2, field: '@cmd', message: expect.any(String) }]);
    const rows: string[][] = parse(await (await t.app.request(`/api/imports/${report.importId}/rows.csv`, { headers: asAdmin() })).text());
    expect(rows[1]?.[3]).toBe("'@cmd");
  });

  it('accepts a text/csv body named by ?fileName=', async () => {
    const text = 'email,company\nsoren@fjord-data.dk,Fjord Data\n';
    const response = await post('/api/imports?fileName=fjord.csv', text, { 'content-type': 'text/csv; charset=utf-8' });
    expect(response.status).toBe(201);
    const report = await response.json();
    expect(report).toMatchObject({ rows: 1, created: 1 });
    expect((await t.call('GET', `/api/imports/${report.importId}`)).body.fileName).toBe('fjord.csv');
    expect((await post('/api/imports', JSON.stringify({ email: 'x@y.z' }), { 'content-type': 'application/json' })).status).toBe(415);
  });

  it('documents every import endpoint in the OpenAPI document', async () => {
    const document = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/imports', '/api/imports/preview', '/api/imports/{id}', '/api/imports/{id}/rows', '/api/imports/{id}/rows.csv']));
    expect(Object.keys(document.paths['/api/imports'].post.requestBody.content)).toEqual(['multipart/form-data', 'text/csv']);
  });

  it('previews a file with a mapping without writing anything', async () => {
    const file = readFileSync('/work/shared/data/x_education_leads.csv');
    const before = await t.call('GET', '/api/imports');
    // The mapping may come as a file too (curl -F mapping=@x-education.mapping.json).
    const response = await post('/api/imports/preview', form({ file: new Blob([file]), mapping: new Blob([xEducationMapping]) }, 'x_education_leads.csv'));
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({ format: 'custom', confidence: 1, importable: true, issues: [] });
    expect(preview.columns).toHaveLength(37);
    expect(preview.columns[0]).toEqual({ column: 'Prospect ID', targets: ['externalId'] });
    expect(preview.sample).toHaveLength(5);
    expect(preview.sample[0]).toMatchObject({ line: 2, ok: true, input: { externalId: '7927b2df-8bba-4d29-b9a2-b6e0beafe620', externalSource: 'x_education' } });
    expect((await t.call('GET', '/api/imports')).body.imports).toHaveLength(before.body.imports.length);

    const detected = await (await post('/api/imports/preview', 'Id,FirstName,LastName,Company,Email,Phone\n', { 'content-type': 'text/csv' })).json();
    expect(detected).toMatchObject({ format: 'salesforce', importable: true, sample: [] });
    const unknown = await (await post('/api/imports/preview', 'name,city\nAna,Porto\n', { 'content-type': 'text/csv' })).json();
    expect(unknown).toMatchObject({ format: 'unknown', importable: false, issues: [{ path: 'mapping' }] });
  });

  it('returns the mapping a preview used, which sent back with one column changed imports that column the new way', async () => {
    const csv = ['Id,FirstName,LastName,Company,Email,Phone,MobilePhone,CreatedDate,JobLevel__c', '00Q1,Ines,Duarte,Tejo Robotics,ines.duarte@tejo-robotics.pt,,+351 912 345 678,2026-10-01T09:00:00Z,Director'].join('\n');
    const detected = await (await post('/api/imports/preview', form({ file: new Blob([csv]) }))).json();
    expect(detected.format).toBe('salesforce');
    // The detected format's whole mapping, limited to this file's columns: external source, fallback order, touch time.
    expect(detected.mapping).toMatchObject({ externalSource: 'salesforce', fallbacks: { phone: ['Phone', 'MobilePhone'] }, touch: { occurredAtColumn: 'CreatedDate' } });
    expect(detected.mapping.columns).toEqual({ Id: 'externalId', FirstName: 'firstName', LastName: 'lastName', Company: 'company', Email: 'email', Phone: 'phone', MobilePhone: 'phone' });
    expect(detected.columns.find((column: { column: string }) => column.column === 'JobLevel__c').targets).toEqual(['attributes.JobLevel__c']);

    const adjusted = JSON.stringify({ ...detected.mapping, columns: { ...detected.mapping.columns, JobLevel__c: 'seniority' } });
    const preview = await (await post('/api/imports/preview', form({ file: new Blob([csv]), mapping: adjusted }))).json();
    expect(preview).toMatchObject({ format: 'custom', importable: true, issues: [], mapping: { columns: { JobLevel__c: 'seniority' } } });
    expect(preview.sample[0].input).toMatchObject({ seniority: 'Director', phone: '+351 912 345 678', externalSource: 'salesforce', externalId: '00Q1' });

    const report = await (await post('/api/imports', form({ file: new Blob([csv]), mapping: adjusted }))).json();
    expect(report).toMatchObject({ rows: 1, created: 1, format: 'custom' });
    const [row] = (await t.call('GET', `/api/imports/${report.importId}/rows`)).body.rows;
    const lead = await t.services.database.db.selectFrom('leads').select(['email', 'seniority']).where('id', '=', row.leadId).executeTakeFirst();
    expect(lead).toEqual({ email: 'ines.duarte@tejo-robotics.pt', seniority: 'director' });
  });

  it('answers 400 naming the field: missing file, bad mapping, binary file, unidentifiable rows', async () => {
    const missing = await post('/api/imports', form({ mapping: xEducationMapping }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.issues[0].path).toBe('file');

    const notJson = await post('/api/imports', form({ file: new Blob([leadsCsv]), mapping: '{"name":' }));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.issues[0].path).toBe('mapping');

    const badTarget = await post('/api/imports/preview', form({ file: new Blob([leadsCsv]), mapping: JSON.stringify({ name: 'x', columns: { 'Lead Source': 'sourse' } }) }));
    expect(badTarget.status).toBe(400);
    const badTargetBody = await badTarget.json();
    expect(badTargetBody.error.issues[0]).toEqual({ path: 'mapping.columns.Lead Source', message: expect.stringContaining('unknown target "sourse"') });

    const binary = await post('/api/imports', form({ file: new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x00])]) }, 'leads.xlsx'));
    expect(binary.status).toBe(400);
    expect((await binary.json()).error.issues[0]).toMatchObject({ path: 'file', message: expect.stringContaining('binary') });

    const noIdentity = await post('/api/imports', form({ file: new Blob(['first_name,company\nAna,Acme\n']), mapping: JSON.stringify({ name: 'x', columns: { first_name: 'firstName' } }) }));
    expect(noIdentity.status).toBe(400);
    expect((await noIdentity.json()).error.issues[0].path).toBe('columns');

    const empty = await post('/api/imports?fileName=empty.csv', '', { 'content-type': 'text/csv' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.issues[0].path).toBe('file');

    expect((await t.call('GET', '/api/imports/not-a-uuid')).status).toBe(400);
    expect((await t.call('GET', '/api/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.call('GET', '/api/imports/00000000-0000-4000-8000-000000000000/rows.csv')).status).toBe(404);
    expect((await t.call('GET', '/api/imports/00000000-0000-4000-8000-000000000000/rows?outcome=lost')).status).toBe(400);
  });

  it('refuses an upload over the configured size with 413', async () => {
    const small = createApp({ ...t.services, config: loadConfig({ LEADPACT_MAX_UPLOAD_BYTES: '2048' }) });
    const response = await small.request('/api/imports', { method: 'POST', headers: asAdmin(), body: form({ file: new Blob([`email\n${'a@b.co\n'.repeat(1000)}`]) }) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
