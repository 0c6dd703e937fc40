import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { defaultAccessSettings, operatorAccess, type AccessContext } from '../../core/access/access-context.ts';
import { encodeKeysetCursor } from '../../core/listing/list-sort.ts';
import { lifecycleStages } from '../../core/pact/pact-schema.ts';
import type { StageValue } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { insertTeam, insertUser } from '../team/user.repository.ts';
import { exportLeadsCsv } from './export-leads-csv.ts';
import { leadSortKeys, listLeads, type LeadSortKey } from './list-leads.ts';

interface SeededLead {
  id: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  source: string | null;
  score: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  stage: StageValue;
  owner_id: string | null;
  created_at: string;
  stage_changed_at: string;
}

// Few distinct values so that ties (broken by id) and nulls are everywhere; letter case differs
// inside a tie ("Acme"/"acme") because text keys ignore it. Timestamps differ by microseconds,
// which a millisecond cursor would lose.
const names = [null, 'Ana', 'ana', 'Bo', 'Zed'];
const companies = [null, 'Acme', 'acme', 'Beta Corp', 'zeta'];
const sources = [null, 'Web', 'web', 'Referral'];
const scores = [null, 10, 20, 20, 35];
const grades = [null, 'A', 'B', 'C', 'D'] as const;
const instants = ['2026-03-01T09:00:00.000001Z', '2026-03-01T09:00:00.000002Z', '2026-03-01T09:00:00.000002Z', '2026-03-02T10:30:00Z'];

describeEachDatabase('listing leads sorted, paged and counted', (kind) => {
  let database: TestDatabase;
  let seeded: SeededLead[];
  let ownerNames: Map<string, string>;
  let repId: string;
  const access = (principal: AccessContext['principal']): AccessContext => ({ principal, settings: defaultAccessSettings });
  let repAccess: AccessContext;
  const adminAccess = access({ kind: 'user', userId: '00000000-0000-4000-8000-000000000001', role: 'admin', teamId: null, email: 'admin@example.test', sessionId: null });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const team = await insertTeam(db, { name: 'Inside Sales', account_class: 'inside' });
    const owners = [
      await insertUser(db, { email: 'uma@example.test', name: 'uma Upper', role: 'sales_rep', team_id: team.id }),
      await insertUser(db, { email: 'abe@example.test', name: 'Abe Lower', role: 'sales_rep', team_id: null }),
      await insertUser(db, { email: 'kim@example.test', name: 'Kim Middle', role: 'sales_manager', team_id: team.id }),
    ];
    ownerNames = new Map(owners.map((owner) => [owner.id, owner.name]));
    repId = owners[1]!.id;
    repAccess = access({ kind: 'user', userId: owners[1]!.id, role: 'sales_rep', teamId: null, email: 'abe@example.test', sessionId: null });
    const ownerIds = [null, ...owners.map((owner) => owner.id)];
    const pick = <T>(values: readonly T[], index: number, salt: number): T => values[(index * salt + Math.floor(index / 3)) % values.length]!;
    const rows = Array.from({ length: 70 }, (_, index) => ({
      first_name: pick(names, index, 3),
      last_name: index % 6 === 0 ? null : pick(['Diaz', 'diaz', 'Ng'], index, 5),
      company: pick(companies, index, 7),
      source: pick(sources, index, 11),
      score: pick(scores, index, 13),
      grade: pick(grades, index, 17),
      stage: pick(lifecycleStages, index, 19),
      owner_id: pick(ownerIds, index, 23),
      created_at: pick(instants, index, 29),
      stage_changed_at: pick(instants, index, 31),
      updated_at: '2026-03-03T00:00:00Z',
      email_kind: 'business',
      attributes: '{}',
    }));
    await db.insertInto('leads').values(rows).execute();
    // A merged lead never shows in a list.
    const [survivor] = await db.selectFrom('leads').select('id').limit(1).execute();
    await db.insertInto('leads').values({ ...rows[0]!, merged_into_id: survivor!.id }).execute();
    seeded = (await sql<SeededLead>`select id, first_name, last_name, company, source, score, grade, stage, owner_id,
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at,
      to_char(stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as stage_changed_at
      from leads where merged_into_id is null`.execute(db)).rows;
  });
  afterAll(() => database.destroy());

  /** The key of a lead as the SQL orders it: lower-cased text compared by code point, null when absent. */
  function keyOf(lead: SeededLead, key: LeadSortKey): string | number | null {
    const lower = (text: string | null) => (text === null ? null : text.toLowerCase());
    switch (key) {
      case 'created_at':
        return lead.created_at;
      case 'stage_changed_at':
        return lead.stage_changed_at;
      case 'score':
        return lead.score;
      case 'grade':
        return lead.grade;
      case 'company':
        return lower(lead.company);
      case 'source':
        return lower(lead.source);
      case 'name':
        return lower(`${lead.first_name ?? ''} ${lead.last_name ?? ''}`.trim()) || null;
      case 'stage':
        return lifecycleStages.indexOf(lead.stage);
      case 'owner':
        return lead.owner_id ? lower(ownerNames.get(lead.owner_id)!) : null;
    }
  }

  function expectedOrder(leads: SeededLead[], key: LeadSortKey, descending: boolean): string[] {
    const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    return [...leads]
      .sort((a, b) => {
        const [x, y] = [keyOf(a, key), keyOf(b, key)];
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1; // nulls last, both directions
        } else if (x !== y) {
          return descending ? compare(y, x) : compare(x, y);
        }
        return descending ? compare(b.id, a.id) : compare(a.id, b.id);
      })
      .map((lead) => lead.id);
  }

  it('pages through every sort in both directions: each lead once, in order, and as many as the total', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leadSortKeys), fc.boolean(), fc.integer({ min: 1, max: 30 }), fc.boolean(), async (key, descending, pageSize, asRep) => {
        const who = asRep ? repAccess : adminAccess;
        const visible = seeded.filter((lead) => !asRep || lead.owner_id === repId);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await listLeads(database.db, { filter: {}, sort: { key, descending }, cursor, limit: pageSize, access: who });
          expect(page.total).toBe(visible.length);
          expect(page.leads.length).toBeLessThanOrEqual(pageSize);
          seen.push(...page.leads.map((lead) => lead.id));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 200);
        expect(seen).toEqual(expectedOrder(visible, key, descending));
      }),
      { numRuns: 50 },
    );
  });

  it('counts and pages under filters the same way', async () => {
    const page = await listLeads(database.db, { filter: { stages: ['inquiry', 'mql'], source: 'WEB' }, sort: { key: 'score', descending: true }, limit: 3, access: adminAccess });
    const matching = seeded.filter((lead) => ['inquiry', 'mql'].includes(lead.stage) && lead.source?.toLowerCase() === 'web');
    expect(matching.length).toBeGreaterThan(3);
    expect(page.total).toBe(matching.length);
    expect(page.leads.map((lead) => lead.id)).toEqual(expectedOrder(matching, 'score', true).slice(0, 3));
  });

  it('account=<id> is that account’s leads alone, counted and paged, and still only those the caller may see', async () => {
    const db = database.db;
    const accounts = await db
      .insertInto('accounts')
      .values([
        { name: 'Acme', name_key: 'acme' },
        { name: 'Globex', name_key: 'globex' },
      ])
      .returning('id')
      .execute();
    const [acme, globex] = accounts.map((account) => account.id) as [string, string];
    const ofAcme = seeded.filter((_, index) => index % 4 === 0);
    const ofGlobex = seeded.filter((_, index) => index % 4 === 1);
    await db.updateTable('leads').set({ account_id: acme }).where('id', 'in', ofAcme.map((lead) => lead.id)).execute();
    await db.updateTable('leads').set({ account_id: globex }).where('id', 'in', ofGlobex.map((lead) => lead.id)).execute();
    try {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listLeads(db, { filter: { accountId: acme }, sort: { key: 'score', descending: true }, cursor, limit: 4, access: adminAccess });
        expect(page.total).toBe(ofAcme.length);
        seen.push(...page.leads.map((lead) => lead.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expectedOrder(ofAcme, 'score', true));
      const repsOfGlobex = await listLeads(db, { filter: { accountId: globex }, limit: 500, access: repAccess });
      expect(repsOfGlobex.leads.map((lead) => lead.id).sort()).toEqual(ofGlobex.filter((lead) => lead.owner_id === repId).map((lead) => lead.id).sort());
      expect(repsOfGlobex.total).toBe(repsOfGlobex.leads.length);
    } finally {
      await db.updateTable('leads').set({ account_id: null }).where('account_id', 'in', [acme, globex]).execute();
      await db.deleteFrom('accounts').where('id', 'in', [acme, globex]).execute();
    }
  });

  it('owner=me is the caller’s own leads, for a user and for an API key; the operator has no "me"', async () => {
    const mine = await listLeads(database.db, { filter: { owner: 'me' }, limit: 500, access: repAccess });
    expect(mine.total).toBe(seeded.filter((lead) => lead.owner_id === repId).length);
    expect(mine.leads.every((lead) => lead.owner_id === repId)).toBe(true);
    const viaKey = await listLeads(database.db, {
      filter: { owner: 'me' },
      limit: 500,
      access: access({ kind: 'api_key', keyId: '00000000-0000-4000-8000-00000000000a', keyName: 'sync', scopes: ['leads:read'], userId: repId, role: 'sales_rep', teamId: null, email: 'abe@example.test' }),
    });
    expect(viaKey.leads.map((lead) => lead.id)).toEqual(mine.leads.map((lead) => lead.id));
    await expect(listLeads(database.db, { filter: { owner: 'me' }, limit: 5, access: operatorAccess })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'owner' }] });
  });

  it('refuses a cursor of another sort, or one whose value the key cannot hold, naming cursor', async () => {
    const first = await listLeads(database.db, { filter: {}, sort: { key: 'score', descending: true }, limit: 2, access: adminAccess });
    const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'cursor' }] });
    await refused(listLeads(database.db, { filter: {}, sort: { key: 'score', descending: false }, cursor: first.nextCursor!, limit: 2, access: adminAccess }));
    await refused(listLeads(database.db, { filter: {}, cursor: first.nextCursor!, limit: 2, access: adminAccess }));
    const id = seeded[0]!.id;
    await refused(listLeads(database.db, { filter: {}, sort: { key: 'created_at', descending: true }, cursor: encodeKeysetCursor({ sort: '-created_at', value: 'yesterday', id }), limit: 2, access: adminAccess }));
    await refused(listLeads(database.db, { filter: {}, sort: { key: 'score', descending: false }, cursor: encodeKeysetCursor({ sort: 'score', value: 'ten', id }), limit: 2, access: adminAccess }));
    await refused(listLeads(database.db, { filter: {}, sort: { key: 'created_at', descending: true }, cursor: encodeKeysetCursor({ sort: '-created_at', value: null, id }), limit: 2, access: adminAccess }));
    await refused(listLeads(database.db, { filter: {}, cursor: 'bm90IGpzb24', limit: 2, access: adminAccess }));
  });

  it('exports every visible matching lead as CSV in the list’s order', async () => {
    const chunks = await exportLeadsCsv(database.db, { filter: {}, sort: { key: 'company', descending: false }, access: repAccess });
    let text = '';
    for await (const chunk of chunks) text += chunk;
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,first_name,last_name,email,/);
    const mine = seeded.filter((lead) => lead.owner_id === repId);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(expectedOrder(mine, 'company', false));
    await expect(exportLeadsCsv(database.db, { filter: { owner: 'me' }, access: operatorAccess })).rejects.toBeInstanceOf(AppError);
  });
});
