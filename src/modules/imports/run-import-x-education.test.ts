import { operatorAccess } from '../../core/access/access-context.ts';
import { createReadStream, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type TestDatabase, createTestDatabase } from '../../../test/support/test-database.ts';
import { parseColumnMapping, type ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import type { Db } from '../../db/database.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { runImport } from './run-import.ts';
import { listImportRows } from './list-import-rows.ts';
import { getImport } from './get-import.ts';

const filePath = '/work/shared/data/x_education_leads.csv';
const parsed = parseColumnMapping(JSON.parse(readFileSync(new URL('../../../examples/x-education.mapping.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(`example mapping invalid: ${JSON.stringify(parsed.issues)}`);
const mapping: ColumnMapping = parsed.mapping;
const actor = { type: 'import' as const, id: null, label: 'import x_education_leads.csv' };

async function countRows(db: Db) {
  const count = async (table: 'leads' | 'touches' | 'lead_events') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { leads: await count('leads'), touches: await count('touches'), events: await count('lead_events') };
}

describeEachDatabase('importing the real x_education_leads.csv', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
  });
  afterAll(() => database.destroy());

  it('accounts for all 9,240 rows, then re-importing the file creates nothing and changes nothing', { timeout: 300_000 }, async () => {
    const progress: number[] = [];
    const first = await runImport(database.db, {
      access: operatorAccess,
      fileName: 'x_education_leads.csv',
      source: createReadStream(filePath),
      mapping,
      actor,
      now: new Date('2026-11-22T09:00:00Z'),
      onProgress: (rows) => progress.push(rows),
    });
    expect(first.rows).toBe(9240);
    expect(first.created + first.merged + first.junk + first.rejected).toBe(9240);
    expect(first.errors).toHaveLength(first.rejected);
    expect(first.format).toBe('custom');
    // Every row has its own Prospect ID and maps (see the core test), so every row becomes a lead.
    expect(first.rejected).toBe(0);
    expect(first.created + first.junk).toBe(9240);
    expect(progress.at(-1)).toBe(9240);
    console.info(`[${kind}] x_education first import: ${JSON.stringify({ created: first.created, merged: first.merged, junk: first.junk, rejected: first.rejected, unchanged: first.unchanged })}`);

    const stored = await getImport(database.db, first.importId, operatorAccess);
    expect(stored).toMatchObject({ status: 'completed', rowCount: 9240, createdCount: first.created, junkCount: first.junk, format: 'custom' });
    expect(stored.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const rows = await listImportRows(database.db, first.importId, { access: operatorAccess, limit: 5, offset: 0 });
    expect(rows.total).toBe(9240);
    expect(rows.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);

    const before = await countRows(database.db);
    expect(before.leads).toBe(first.created + first.junk);
    const second = await runImport(database.db, {
      access: operatorAccess,
      fileName: 'x_education_leads.csv',
      source: createReadStream(filePath),
      mapping,
      actor,
      now: new Date('2026-11-23T09:00:00Z'),
    });
    expect(second.created).toBe(0);
    expect(second.rows).toBe(9240);
    expect(second.created + second.merged + second.junk + second.rejected).toBe(9240);
    expect(second.unchanged).toBe(second.merged);
    expect(second.junk).toBe(first.junk);
    expect(await countRows(database.db)).toEqual(before);
    console.info(`[${kind}] x_education second import: ${JSON.stringify({ created: second.created, merged: second.merged, junk: second.junk, rejected: second.rejected, unchanged: second.unchanged })}`);
  });
});
