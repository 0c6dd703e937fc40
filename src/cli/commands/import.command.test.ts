import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { installDefaultPact } from '../../modules/pact/install-default-pact.ts';
import { runCommand } from '../cli-context.ts';
import { runImportCommand, type ImportCommandContext } from './import.command.ts';

const directory = mkdtempSync(join(tmpdir(), 'leadpact-import-command-'));
function writeTemp(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const rejectedRows = Array.from({ length: 53 }, (_, index) => `broken-${index}-at-nowhere,Row ${index}`);
const leadsFile = writeTemp('leads.csv', ['email,company', 'ines.moreau@atelier-lumen.fr,Atelier Lumen', ...rejectedRows].join('\n'));

describeEachDatabase('leadpact import', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
  });
  afterAll(() => database.destroy());

  function context(): ImportCommandContext & { out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      useDatabase: (run) => run(database.db),
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text), isTTY: false },
      now: () => new Date('2026-11-22T09:00:00Z'),
    };
  }

  it('prints a summary with each rejected row, capped after 50', async () => {
    const io = context();
    await runImportCommand(leadsFile, { batchSize: '10' }, io);
    const text = io.out.join('');
    expect(text).toMatch(/^leads\.csv: 54 rows read as leadpact/);
    expect(text).toMatch(/created\s+1\n/);
    expect(text).toMatch(/rejected\s+53\n/);
    expect(text).toContain('line 3: email: ');
    expect(text.match(/^line \d+: /gm)).toHaveLength(50);
    expect(text).toContain('… and 3 more');
  });

  it('with --json prints one JSON object as the last line, listing every error', async () => {
    const io = context();
    await runImportCommand(leadsFile, { json: true }, io);
    const lines = io.out.join('').trimEnd().split('\n');
    const report = JSON.parse(lines.at(-1) ?? '');
    expect(Object.keys(report).slice(0, 6)).toEqual(['rows', 'created', 'merged', 'junk', 'rejected', 'errors']);
    // The same file again: the person is known, the rejected rows are rejected again.
    expect(report).toMatchObject({ rows: 54, created: 0, merged: 1, junk: 0, rejected: 53, unchanged: 1, format: 'leadpact' });
    expect(report.errors).toHaveLength(53);
    expect(report.errors[0]).toEqual({ line: 3, field: 'email', message: expect.any(String) });
  });

  it('reads a mapping file and reports its mistakes by path', async () => {
    const mapping = writeTemp('good.mapping.json', JSON.stringify({ name: 'Fair list', columns: { 'E-Mail': 'email', Firma: 'company' }, defaults: { source: 'Trade fair' } }));
    const io = context();
    await runImportCommand(writeTemp('fair.csv', 'E-Mail,Firma\nlars.berg@nordlicht-ab.se,Nordlicht AB\n'), { json: true, mapping }, io);
    expect(JSON.parse(io.out.join('').trim())).toMatchObject({ rows: 1, created: 1, format: 'custom' });

    const bad = writeTemp('bad.mapping.json', JSON.stringify({ name: 'x', columns: { 'E-Mail': 'e-mail' } }));
    await expect(runImportCommand(leadsFile, { mapping: bad }, context())).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'mapping.columns.E-Mail' }] });
  });

  it('exits 1 with "error: FILE: no such file" for a missing file', async () => {
    const missing = join(directory, 'nope.csv');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const previousExitCode = process.exitCode;
    try {
      await runCommand(() => runImportCommand(missing, {}, context()));
      expect(process.exitCode).toBe(1);
      expect(stderr.mock.calls.map((call) => String(call[0])).join('')).toContain(`error: ${missing}: no such file`);
    } finally {
      stderr.mockRestore();
      process.exitCode = previousExitCode;
    }
    await expect(runImportCommand(leadsFile, { mapping: join(directory, 'missing.json') }, context())).rejects.toMatchObject({ issues: [{ message: 'no such file' }] });
    await expect(runImportCommand(leadsFile, { batchSize: '0' }, context())).rejects.toMatchObject({ issues: [{ path: '--batch-size' }] });
  });
});

describe('leadpact import, run as the real program', () => {
  it('prints the JSON report as the last line and exits 0; a missing file exits 1 naming it', { timeout: 60_000 }, () => {
    // The embedded database in a scratch directory: never the shared PostgreSQL of the test run.
    const env = { ...process.env, LEADPACT_DATA_DIR: join(directory, 'data'), DATABASE_URL: '' };
    const run = (...args: string[]) => spawnSync('node_modules/.bin/node', ['bin/leadpact.js', 'import', ...args], { env, encoding: 'utf8' });
    const imported = run(leadsFile, '--json');
    expect(imported.status, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout.trimEnd().split('\n').at(-1) ?? '');
    expect(report).toMatchObject({ rows: 54, created: 1, rejected: 53 });
    expect(report.errors).toHaveLength(53);
    const missing = run(join(directory, 'missing.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`error: ${join(directory, 'missing.csv')}: no such file`);
  });
});
