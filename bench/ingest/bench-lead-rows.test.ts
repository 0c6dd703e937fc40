import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mapRow } from '../../src/core/import/map-row.ts';
import { resolveImportPlan } from '../../src/modules/imports/resolve-import-plan.ts';
import { benchLeadColumns, benchLeadCsv, benchLeads } from './bench-lead-rows.ts';

const now = new Date('2026-11-22T00:00:00Z');

describe('benchLeads', () => {
  const { leads } = benchLeads({ seed: 42, now, count: 2000 });

  it('gives distinct people, the same ones for the same seed and day', () => {
    expect(leads).toHaveLength(2000);
    expect(new Set(leads.map((lead) => lead.body.email?.toLowerCase())).size).toBe(2000);
    expect(benchLeads({ seed: 42, now, count: 2000 }).leads).toEqual(leads);
  });

  it('writes a leadpact CSV whose every row imports as exactly the body the API is sent', () => {
    const [header, ...rows] = parse(benchLeadCsv(leads)) as string[][];
    expect(header).toEqual([...benchLeadColumns]);
    const { plan, format, blocking } = resolveImportPlan(header!);
    expect(blocking).toEqual([]);
    expect(format).toBe('leadpact');
    rows.forEach((cells, index) => {
      const mapped = mapRow(plan, cells, index + 2);
      expect(mapped).toEqual({ ok: true, input: leads[index]!.body });
    });
  });
});
