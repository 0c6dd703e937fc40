import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { recordAuditBatch } from '../../modules/audit/record-audit.ts';
import { registerAuditCommand, runAuditExportCommand, runAuditListCommand, type AuditCommandContext } from './audit.command.ts';

const directory = mkdtempSync(join(tmpdir(), 'leadpact-audit-command-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('leadpact audit (commands)', () => {
  it('registers list and export with the documented options', () => {
    const program = new Command('leadpact');
    registerAuditCommand(program);
    const audit = program.commands.find((command) => command.name() === 'audit')!;
    const list = audit.commands.find((command) => command.name() === 'list')!;
    const exported = audit.commands.find((command) => command.name() === 'export')!;
    expect(list.options.map((option) => option.long)).toEqual(expect.arrayContaining(['--entity', '--id', '--limit', '--json', '--actor', '--action', '--from', '--to']));
    expect(exported.options.map((option) => option.long)).toEqual(expect.arrayContaining(['--entity', '--id', '--actor', '--action', '--from', '--to']));
    expect(exported.registeredArguments.map((argument) => argument.name())).toEqual(['file']);
  });
});

describeEachDatabase('leadpact audit', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await recordAuditBatch(database.db, [
      { actor: { type: 'user', id: 'u-1' }, action: 'create', entityType: 'account', entityId: 'a-1', newValues: { name: 'Globex', industry: 'Retail' } },
      { actor: { type: 'user', id: 'u-2' }, action: 'update', entityType: 'account', entityId: 'a-1', oldValues: { industry: 'Retail' }, newValues: { industry: 'Software' } },
      { actor: { type: 'cli', id: null }, action: 'update', entityType: 'campaign', entityId: '=2+3', oldValues: { name: '@old' }, newValues: { name: '-new' } },
    ]);
  });
  afterAll(() => database.destroy());

  function context(): AuditCommandContext & { out: string[] } {
    const out: string[] = [];
    return { out, useDatabase: (run) => run(database.db), stdout: { write: (text: string) => out.push(text) } };
  }

  it('lists one record’s history newest first, each change as old → new', async () => {
    const io = context();
    await runAuditListCommand({ entity: 'account', id: 'a-1', limit: '20' }, io);
    const text = io.out.join('');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\d+ \S+Z update account a-1 {2}by user:u-2$/);
    expect(lines[1]).toBe('    industry: "Retail" → "Software"');
    expect(lines[2]).toMatch(/^#\d+ \S+Z create account a-1 {2}by user:u-1$/);
    expect(text).toContain('    name: "Globex"');
    expect(text).not.toContain('next page');
  });

  it('pages with --limit, prints the cursor, and prints JSON with --json', async () => {
    const first = context();
    await runAuditListCommand({ entity: 'account', limit: '1', json: true }, first);
    const page = JSON.parse(first.out.join(''));
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ action: 'update', entity_id: 'a-1', new_values: { industry: 'Software' } });
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = context();
    await runAuditListCommand({ entity: 'account', limit: '1', cursor: page.nextCursor }, second);
    expect(second.out.join('')).toMatch(/create account a-1/);
    const human = context();
    await runAuditListCommand({ entity: 'account', limit: '1' }, human);
    expect(human.out.join('')).toContain(`next page: --cursor ${page.nextCursor}`);
  });

  it('refuses bad options naming the option', async () => {
    await expect(runAuditListCommand({ limit: '0' }, context())).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: '--limit' }] });
    await expect(runAuditListCommand({ limit: '501' }, context())).rejects.toMatchObject({ issues: [{ path: '--limit' }] });
    await expect(runAuditListCommand({ limit: '5', action: 'erase' }, context())).rejects.toMatchObject({ issues: [{ path: '--action' }] });
    await expect(runAuditListCommand({ limit: '5', from: 'last week' }, context())).rejects.toMatchObject({ issues: [{ path: '--from' }] });
    await expect(runAuditListCommand({ limit: '5', from: '2026-02-01', to: '2026-01-01' }, context())).rejects.toMatchObject({ issues: [{ path: 'to' }] });
    await expect(runAuditExportCommand(join(directory, 'missing-dir', 'x.csv'), {}, context())).rejects.toMatchObject({ issues: [{ path: 'FILE' }] });
  });

  it('exports the matching entries to a CSV file, formula cells neutralized', async () => {
    const file = join(directory, 'campaigns.csv');
    const io = context();
    await runAuditExportCommand(file, { entity: 'campaign' }, io);
    expect(io.out.join('')).toBe(`wrote 1 audit entry to ${file}\n`);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_type: 'cli', actor_id: '', action: 'update', entity_type: 'campaign', entity_id: "'=2+3" });
    expect(JSON.parse(rows[0]!.new_values!)).toEqual({ name: '-new' });
    const all = join(directory, 'all.csv');
    const everything = context();
    await runAuditExportCommand(all, {}, everything);
    expect(everything.out.join('')).toBe(`wrote 3 audit entries to ${all}\n`);
  });
});
