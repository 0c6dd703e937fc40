import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseColumnMapping } from './column-mapping-schema.ts';
import { detectFormat } from './known-formats.ts';
import { mapRow, type RowIssue } from './map-row.ts';
import { describePlan, planColumns } from './plan-columns.ts';

// The real file: CRLF line ends, "Select" for unanswered drop-downs, outcome columns that leak.
const rows: string[][] = parse(readFileSync('/work/shared/data/x_education_leads.csv', 'utf8'), { relax_column_count: true });
const [headers = [], ...dataRows] = rows;
const parsed = parseColumnMapping(JSON.parse(readFileSync(new URL('../../../examples/x-education.mapping.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(`example mapping invalid: ${JSON.stringify(parsed.issues)}`);
const mapping = parsed.mapping;

describe('importing x_education_leads.csv with examples/x-education.mapping.json', () => {
  it('is not mistaken for a known format', () => {
    expect(detectFormat(headers).format).toBe('unknown');
  });

  it('plans every one of the 37 columns without issues, none ignored, none left to a default attribute name', () => {
    const { plan, issues } = planColumns(headers, mapping);
    expect(issues).toEqual([]);
    const described = describePlan(plan);
    expect(described).toHaveLength(37);
    expect(described.filter((column) => column.targets.includes('ignored'))).toEqual([]);
    expect(plan.unmappedColumns).toEqual([]);
    expect(described.find((column) => column.column === 'Last Activity')?.targets).toEqual(['attributes.last_activity', 'touch.type']);
  });

  it('has a touch type for every Last Activity value in the file', () => {
    const index = headers.indexOf('Last Activity');
    const values = new Set(dataRows.map((row) => row[index] ?? '').filter((value) => value !== ''));
    const known = new Set(Object.keys(mapping.touch.typeMap));
    expect([...values].filter((value) => !known.has(value))).toEqual([]);
    expect(values.size).toBe(17);
  });

  it('accounts for all 9,240 rows: each maps, or comes back with issues naming a column', () => {
    const { plan } = planColumns(headers, mapping);
    let mapped = 0;
    const rejected: RowIssue[][] = [];
    const touchTypes = new Map<string, number>();
    dataRows.forEach((cells, position) => {
      const result = mapRow(plan, cells, position + 2);
      if (result.ok) {
        mapped += 1;
        const type = result.input.touch?.type ?? 'none';
        touchTypes.set(type, (touchTypes.get(type) ?? 0) + 1);
        expect(result.input.externalSource).toBe('x_education');
      } else {
        rejected.push(result.issues);
      }
    });
    expect(dataRows).toHaveLength(9240);
    expect(mapped + rejected.length).toBe(9240);
    const columnsAndTargets = new Set([...headers, '(row)', 'email', 'externalSource']);
    for (const issues of rejected) {
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(columnsAndTargets).toContain(issue.field);
    }
    // Every row has a Prospect ID, so every row maps.
    expect(rejected).toEqual([]);
    expect(Object.fromEntries(touchTypes)).toEqual({ email_open: 3437, import: 3800, chat: 973, visit: 640, email_click: 273, form_fill: 116, event: 1 });
  });

  it('treats "Select" as not answered and keeps outcome columns as attributes', () => {
    const { plan } = planColumns(headers, mapping);
    const first = mapRow(plan, dataRows[0] ?? [], 2);
    expect(first).toEqual({
      ok: true,
      input: expect.objectContaining({ externalId: '7927b2df-8bba-4d29-b9a2-b6e0beafe620', source: 'Olark Chat', touch: { type: 'visit', detail: { activity: 'Page Visited on Website' } } }),
    });
    if (!first.ok) return;
    expect(first.input.country).toBeUndefined();
    expect(first.input.city).toBeUndefined();
    expect(first.input.attributes).not.toHaveProperty('specialization');
    expect(first.input.attributes).toMatchObject({ converted: '0', tags: 'Interested in other courses', lead_quality: 'Low in Relevance', total_visits: '0', last_notable_activity: 'Modified' });
  });
});
