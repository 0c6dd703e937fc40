import { defaultAccessSettings, operatorAccess, type AccessContext } from '../../core/access/access-context.ts';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { listImportRows } from './list-import-rows.ts';
import { listImports } from './list-imports.ts';
import { parseMappingText } from './parse-mapping-text.ts';
import { runImport } from './run-import.ts';

const actor = { type: 'import' as const, id: null, label: 'import test.csv' };
const now = new Date('2026-11-22T09:00:00Z');

const badRowsFile = [
  'email,first_name,last_name,company,employees,country',
  'ana.silva@acme-robotics.com,Ana,Silva,Acme Robotics,120,US',
  'not-an-email,Bob,Smith,Foo Corp,10,US',
  'carl@beta-tools.io,Carl,Jones,Beta Tools,lots,DE',
  'dina@gamma-labs.io,Dina,Lee',
  'Maria.Santos@gmail.com,Maria,Santos,,,GB',
  'mariasantos@GMAIL.com,Maria,Santos,Santos Consulting,5,GB',
  'erik@delta-works.io,Erik,"Berg,Delta,3,SE',
].join('\r\n');

describeEachDatabase('runImport', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
  });
  afterAll(() => database.destroy());

  const importText = (text: string, fileName: string, mapping?: ColumnMapping) =>
    runImport(database.db, { access: operatorAccess, fileName, source: Readable.from([Buffer.from(text)]), mapping, actor, now, batchSize: 2 });

  it('rejects bad rows with their line and column, imports the good ones, and merges the same person met twice', async () => {
    const report = await importText(badRowsFile, 'bad-rows.csv');
    expect(report.format).toBe('leadpact');
    expect(report.rows).toBe(7);
    expect(report.errors.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 3, field: 'email' },
      { line: 4, field: 'employees' },
      { line: 5, field: '(row)' },
      { line: 8, field: '(row)' },
    ]);
    expect(report.errors[0]?.message).toMatch(/@/);
    expect(report.errors[1]?.message).toContain('"lots" is not a number of employees');
    expect(report.errors[2]?.message).toBe('expected 6 cells, found 3');
    expect(report.errors[3]?.message).toMatch(/quote .* never closed/);
    expect(report).toMatchObject({ created: 2, merged: 1, junk: 0, rejected: 4, unchanged: 0 });

    const leads = await database.db.selectFrom('leads').select(['email', 'company', 'employees']).orderBy('email').execute();
    expect(leads).toEqual([
      { email: 'ana.silva@acme-robotics.com', company: 'Acme Robotics', employees: 120 },
      // The second row of Maria only filled what the first left blank.
      { email: 'maria.santos@gmail.com', company: 'Santos Consulting', employees: 5 },
    ]);

    const rows = await listImportRows(database.db, report.importId, { access: operatorAccess, limit: 100, offset: 0 });
    expect(rows.total).toBe(7);
    expect(rows.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'created'],
      [7, 'merged'],
      [8, 'rejected'],
    ]);
    expect(rows.rows.find((row) => row.line === 7)?.leadId).toBe(rows.rows.find((row) => row.line === 6)?.leadId);
    const rejected = await listImportRows(database.db, report.importId, { access: operatorAccess, outcome: 'rejected', limit: 2, offset: 1 });
    expect(rejected).toMatchObject({ total: 4, rows: [{ line: 4, field: 'employees' }, { line: 5 }] });

    const [latest] = await listImports(database.db, { access: operatorAccess });
    expect(latest).toMatchObject({ id: report.importId, status: 'completed', rowCount: 7, createdCount: 2, mergedCount: 1, rejectedCount: 4, format: 'leadpact', fileName: 'bad-rows.csv' });
  });

  it('imports a Salesforce Lead export detected from its header', async () => {
    const headers = await headerOf('salesforce_lead_export_header.csv');
    const file = csvOf(headers, [
      { Id: '00Q5g00000AbCdE01', FirstName: 'Lena', LastName: 'Vogel', Company: 'Nordwind Logistik GmbH', Email: 'lena.vogel@nordwind-logistik.de', CountryCode: 'DE', Country: 'Germany', NumberOfEmployees: '850', LeadSource: 'Web', CreatedDate: '2026-10-01T12:00:00.000Z', Region__c: 'EMEA' },
      { Id: '00Q5g00000AbCdE02', FirstName: 'Marc', LastName: 'Dubois', Company: 'Ateliers Dubois', Phone: '+33 1 42 68 53 00', Country: 'France', AnnualRevenue: '2500000', CreatedDate: '2026-10-02T08:30:00.000Z' },
      { Id: '00Q5g00000AbCdE03', FirstName: 'Sara', LastName: 'Okafor', Company: 'Lagos Fintech Ltd', Email: 'sara@lagosfintech.ng', Title: 'CTO', CreatedDate: 'yesterday' },
    ]);
    const report = await importText(file, 'salesforce.csv');
    expect(report.format).toBe('salesforce');
    expect(report).toMatchObject({ rows: 3, created: 2, rejected: 1 });
    expect(report.errors).toEqual([{ line: 4, field: 'CreatedDate', message: expect.any(String) }]);
    const lena = await database.db.selectFrom('leads').selectAll().where('external_id', '=', '00Q5g00000AbCdE01').executeTakeFirstOrThrow();
    expect(lena).toMatchObject({ external_source: 'salesforce', email: 'lena.vogel@nordwind-logistik.de', employees: 850, source: 'Web' });
    expect(lena.attributes).toMatchObject({ Region__c: 'EMEA' });
    const touch = await database.db.selectFrom('touches').select(['occurred_at', 'type']).where('lead_id', '=', lena.id).executeTakeFirstOrThrow();
    expect(touch).toEqual({ occurred_at: new Date('2026-10-01T12:00:00.000Z'), type: 'import' });
  });

  it('imports a HubSpot contacts export detected from its header', async () => {
    const headers = await headerOf('hubspot_contacts_export_header.csv');
    const file = csvOf(headers, [
      { 'Record ID': '51', 'First Name': 'Priya', 'Last Name': 'Raman', Email: 'priya.raman@orbitworks.in', 'Company Name': 'Orbit Works', 'Number of Employees': '51-200', 'Job Title': 'Head of Operations', 'Country/Region': 'India', höbbela: 'ja' },
      { 'Record ID': '52', 'First Name': 'Tom', 'Last Name': 'Becker', 'Work email': 'tom.becker@kranich-bau.de', 'Company Name': 'Kranich Bau', 'Lifecycle Stage': 'lead' },
      { 'Record ID': '53', 'First Name': 'Ines', 'Last Name': 'Costa', 'Phone Number': '+351 21 123 4567', 'Annual Revenue': 'many' },
    ]);
    const report = await importText(file, 'hubspot.csv');
    expect(report.format).toBe('hubspot');
    expect(report).toMatchObject({ rows: 3, created: 2, rejected: 1, errors: [{ line: 4, field: 'Annual Revenue' }] });
    const priya = await database.db.selectFrom('leads').selectAll().where('external_id', '=', '51').executeTakeFirstOrThrow();
    expect(priya).toMatchObject({ external_source: 'hubspot', employees: 126, title: 'Head of Operations' });
    expect(priya.attributes).toMatchObject({ höbbela: 'ja', employees_raw: '51-200' });
    const tom = await database.db.selectFrom('leads').select('email').where('external_id', '=', '52').executeTakeFirstOrThrow();
    expect(tom.email).toBe('tom.becker@kranich-bau.de');
  });

  it('is for admins and marketing: a sales rep or an executive is refused by the use cases themselves, nothing written', async () => {
    const before = (await listImports(database.db, { access: operatorAccess })).length;
    for (const role of ['sales_rep', 'sales_manager', 'executive'] as const) {
      const access: AccessContext = { principal: { kind: 'user', userId: `${role}-1`, role, teamId: null, email: `${role}@example.test`, sessionId: null }, settings: defaultAccessSettings };
      await expect(runImport(database.db, { access, fileName: 'x.csv', source: Readable.from(['email\nana@acme.io\n']), actor, now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(listImports(database.db, { access })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const marketing: AccessContext = { principal: { kind: 'user', userId: 'm-1', role: 'marketing', teamId: null, email: 'm@example.test', sessionId: null }, settings: defaultAccessSettings };
    expect(await listImports(database.db, { access: marketing })).toHaveLength(before);
  });

  it('refuses, before writing anything, a file with no way to identify a lead', async () => {
    const before = (await listImports(database.db, { access: operatorAccess })).length;
    await expect(importText('name,city\nAna,Lisbon\n', 'names.csv')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'mapping' }] });
    const mapping = parseMappingText(JSON.stringify({ name: 'names', columns: { name: 'firstName' } }));
    await expect(importText('name,city\nAna,Lisbon\n', 'names.csv', mapping)).rejects.toMatchObject({ issues: [{ path: 'columns', message: expect.stringContaining('"city"') }] });
    await expect(importText('', 'empty.csv')).rejects.toMatchObject({ issues: [{ path: 'file', message: expect.stringContaining('empty') }] });
    expect(await listImports(database.db, { access: operatorAccess })).toHaveLength(before);
  });

  it('marks the import failed, keeping what was written, when the file cannot be read to the end', async () => {
    let firstBatchWritten: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (firstBatchWritten = resolve));
    async function* brokenUpload() {
      yield 'email,company\n';
      // More than the 64 KiB read before any row is parsed (the encoding is decided on them).
      for (let index = 0; index < 2500; index += 1) yield `reader${index}@kite-labs.io,Kite Labs\n`;
      await written;
      throw new Error('connection reset by peer');
    }
    const importing = runImport(database.db, { access: operatorAccess, fileName: 'broken.csv', source: brokenUpload(), actor, now, batchSize: 100, onProgress: () => firstBatchWritten() });
    await expect(importing).rejects.toThrow('connection reset by peer');
    const latest = (await listImports(database.db, { access: operatorAccess })).find((entry) => entry.fileName === 'broken.csv');
    expect(latest).toMatchObject({ status: 'failed', errorMessage: expect.stringContaining('unexpected error') });
    const rows = await listImportRows(database.db, latest!.id, { access: operatorAccess, limit: 10, offset: 0 });
    expect(rows.total).toBeGreaterThanOrEqual(100);
    expect(rows.total).toBeLessThanOrEqual(2500);
    expect(rows.rows.every((row) => row.outcome === 'created')).toBe(true);
  });

  it('reports mapping problems that rows can live with as warnings', async () => {
    const mapping = parseMappingText(JSON.stringify({ name: 'partial', columns: { 'E-mail': 'email', Firma: 'company', Branche: 'industry' } }));
    const report = await importText('E-mail,Firma\nkai@zeta-systems.de,Zeta Systems\n', 'partial.csv', mapping);
    expect(report).toMatchObject({ format: 'custom', rows: 1, created: 1, warnings: [{ path: 'columns.Branche', message: 'column not in file' }] });
  });
});

async function headerOf(fileName: string): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('csv-parse/sync');
  const [headers] = parse(await readFile(`/work/shared/data/${fileName}`, 'utf8')) as string[][];
  return headers ?? [];
}

function csvOf(headers: readonly string[], rows: readonly Record<string, string>[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\n') + '\n';
}
