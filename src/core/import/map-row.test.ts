import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadInputSchema } from '../lead/lead-input.ts';
import { columnMappingSchema, type ColumnMappingFile } from './column-mapping-schema.ts';
import { mapRow } from './map-row.ts';
import { planColumns } from './plan-columns.ts';

function planFor(headers: string[], file: Omit<ColumnMappingFile, 'name'>) {
  const { plan, issues } = planColumns(headers, columnMappingSchema.parse({ name: 'test', ...file }));
  expect(issues).toEqual([]);
  return plan;
}

const headers = ['Email', 'Employees', 'Revenue', 'Country', 'Activity', 'When', 'Interest'];
const plan = planFor(headers, {
  columns: { Email: 'email', Employees: 'employees', Revenue: 'annualRevenue', Country: 'country', Interest: 'attributes.interest' },
  nullValues: ['Select', 'N/A'],
  touch: { typeFromColumn: 'Activity', typeMap: { 'Form Submitted': 'form_fill' }, defaultType: 'import', occurredAtColumn: 'When' },
  defaults: { source: 'Trade show list' },
});

describe('mapRow', () => {
  it('trims cells, converts numbers, maps the touch and applies defaults', () => {
    const result = mapRow(plan, [' ada@example.com ', '51-200', '$1,500.25', 'Germany', 'form submitted', '2024-05-02T08:15:00+0200', '  12 '], 2);
    expect(result).toEqual({
      ok: true,
      input: {
        email: 'ada@example.com',
        employees: 126,
        annualRevenue: 150025,
        country: 'Germany',
        source: 'Trade show list',
        attributes: { employees_raw: '51-200', interest: '12' },
        touch: { type: 'form_fill', detail: { activity: 'form submitted' }, occurredAt: '2024-05-02T08:15:00+02:00' },
      },
    });
  });

  it('treats null values (any case) and empty cells as absent', () => {
    const result = mapRow(plan, ['ada@example.com', '', 'n/a', 'Select', 'select', '   ', 'Select'], 3);
    expect(result).toEqual({ ok: true, input: { email: 'ada@example.com', source: 'Trade show list', touch: { type: 'import' } } });
  });

  it('keeps an unknown activity in the touch detail under the default type', () => {
    const result = mapRow(plan, ['ada@example.com', '', '', '', 'Booth Scan', '', ''], 4);
    expect(result.ok && result.input.touch).toEqual({ type: 'import', detail: { activity: 'Booth Scan' } });
  });

  it('rejects a ragged row, naming the cell counts', () => {
    expect(mapRow(plan, ['ada@example.com', '12'], 5)).toEqual({ ok: false, issues: [{ line: 5, field: '(row)', message: 'expected 7 cells, found 2' }] });
  });

  it('names the column of every bad number or date, all at once', () => {
    const result = mapRow(plan, ['ada@example.com', 'lots', '-3', '', '', 'last tuesday', ''], 6);
    expect(result).toEqual({
      ok: false,
      issues: [
        { line: 6, field: 'Employees', message: expect.stringContaining('"lots" is not a number of employees') },
        { line: 6, field: 'Revenue', message: expect.stringContaining('"-3" is negative') },
        { line: 6, field: 'When', message: '"last tuesday" is not an ISO date-time' },
      ],
    });
  });

  it('turns lead-input validation failures into issues naming the CSV column', () => {
    const result = mapRow(plan, [`${'a'.repeat(320)}@example.com`, '20000000', '', '', '', '', 'x'.repeat(2001)], 7);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => [issue.line, issue.field])).toEqual([
        [7, 'Interest'],
        [7, 'Email'],
        [7, 'Employees'],
      ]);
    }
  });

  it('names the target when no column gave it a value (a row without identity)', () => {
    const result = mapRow(plan, ['', '12', '', 'France', '', '', ''], 8);
    expect(result).toEqual({ ok: false, issues: [{ line: 8, field: 'email', message: 'a lead needs an e-mail, a phone or an external id' }] });
  });

  it('keeps the value of a fallback column that lost, so nothing is dropped', () => {
    const fallbackPlan = planFor(['Phone', 'Mobile'], { columns: { Phone: 'phone', Mobile: 'phone' }, fallbacks: { phone: ['Phone', 'Mobile'] } });
    expect(mapRow(fallbackPlan, ['+49 30 1234567', '+49 170 1234567'], 2)).toEqual({
      ok: true,
      input: { phone: '+49 30 1234567', attributes: { Mobile: '+49 170 1234567' }, touch: { type: 'import' } },
    });
    expect(mapRow(fallbackPlan, ['', '+49 170 1234567'], 3)).toEqual({ ok: true, input: { phone: '+49 170 1234567', touch: { type: 'import' } } });
  });

  it('takes externalSource from the mapping and ignores listed columns', () => {
    const idPlan = planFor(['ID', 'Secret'], { externalSource: 'webinar_tool', columns: { ID: 'externalId' }, ignoreColumns: ['Secret'] });
    expect(mapRow(idPlan, ['w-17', 'hunter2'], 2)).toEqual({ ok: true, input: { externalId: 'w-17', externalSource: 'webinar_tool', touch: { type: 'import' } } });
  });

  it('only ever returns input that leadInputSchema accepts, and never throws', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', 'Select', '51-200', '$1,200', '2024-01-01T00:00:00Z', 'Form Submitted'), fc.string({ minLength: 1990, maxLength: 2010 }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), (cells) => {
        const result = mapRow(plan, cells, 2);
        if (result.ok) expect(leadInputSchema.safeParse(result.input).success).toBe(true);
        else for (const issue of result.issues) expect([...headers, 'email']).toContain(issue.field);
      }),
      { numRuns: 500 },
    );
  });
});
