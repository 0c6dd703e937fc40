import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { captureLeads } from '../../modules/capture/capture-leads.ts';
import { installDefaultPact } from '../../modules/pact/install-default-pact.ts';
import { registerPrivacyCommand, runPrivacyEraseCommand, runPrivacyExportCommand, type PrivacyCommandContext } from './privacy.command.ts';

describeEachDatabase('leadpact privacy', (kind) => {
  let database: TestDatabase;
  let directory: string;
  let output: string[];
  let context: PrivacyCommandContext;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    await captureLeads(database.db, {
      items: [{ input: { email: 'ana.silva@acme-robotics.com', firstName: 'Ana', lastName: 'Silva' } }],
      actor: { type: 'api_key', id: null, label: 'API' },
      now: new Date('2026-11-21T10:00:00Z'),
      defaultTouchType: 'form_fill',
    });
    directory = await mkdtemp(join(tmpdir(), 'leadpact-privacy-'));
    output = [];
    context = { useDatabase: (run) => run(database.db), stdout: { write: (text: string) => output.push(text) }, now: () => new Date('2026-11-22T10:00:00Z') };
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
    await database.destroy();
  });

  it('export prints the JSON document, or writes it to a file only its owner can read', async () => {
    output.length = 0;
    await runPrivacyExportCommand('Ana.Silva@ACME-robotics.com', {}, context);
    expect(JSON.parse(output.join('')).leads[0]).toMatchObject({ email: 'ana.silva@acme-robotics.com', lastName: 'Silva' });

    output.length = 0;
    const file = join(directory, 'ana.json');
    await runPrivacyExportCommand('ana.silva@acme-robotics.com', { out: file }, context);
    expect(output.join('')).toMatch(/^wrote .*ana\.json: 1 lead\(s\)/u);
    expect(JSON.parse(await readFile(file, 'utf8')).leads).toHaveLength(1);
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('erase says what it did, then that the person was already erased; an unknown address is refused', async () => {
    output.length = 0;
    await runPrivacyEraseCommand('ana.silva@acme-robotics.com', { reason: 'request #12' }, context);
    expect(output.join('')).toMatch(/^erased 1 lead\(s\): [0-9a-f-]{36}\n.*\nthe address is suppressed/su);
    output.length = 0;
    await runPrivacyEraseCommand('ana.silva@acme-robotics.com', { reason: 'request #12' }, context);
    expect(output.join('')).toMatch(/^nothing held: already erased/u);
    await expect(runPrivacyEraseCommand('nobody@fabrikam-systems.com', { reason: 'request #13' }, context)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('erase requires --reason', async () => {
    const program = new Command('leadpact').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerPrivacyCommand(program);
    await expect(program.parseAsync(['node', 'leadpact', 'privacy', 'erase', 'ana.silva@acme-robotics.com'])).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
  });
});
