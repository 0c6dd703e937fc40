import { describe, expect, it } from 'vitest';
import { columnMappingSchema, type ColumnMappingFile } from './column-mapping-schema.ts';
import { describePlan, planColumns } from './plan-columns.ts';

const mappingOf = (file: Omit<ColumnMappingFile, 'name'>) => columnMappingSchema.parse({ name: 'test', ...file });

describe('planColumns', () => {
  it('reports mapping entries whose column the file lacks, by the path a user edits', () => {
    const mapping = mappingOf({
      columns: { Email: 'email', 'Lead Source': 'source' },
      ignoreColumns: ['Tags'],
      touch: { typeFromColumn: 'Last Activity', occurredAtColumn: 'When' },
    });
    const { issues } = planColumns(['email', 'Company'], mapping);
    expect(issues).toEqual([
      { path: 'columns.Lead Source', message: 'column not in file' },
      { path: 'ignoreColumns.0', message: 'column "Tags" not in file' },
      { path: 'touch.typeFromColumn', message: 'column "Last Activity" not in file' },
      { path: 'touch.occurredAtColumn', message: 'column "When" not in file' },
    ]);
  });

  it('reports two columns on one target unless a fallback order is declared', () => {
    const columns = { Phone: 'phone', Mobile: 'phone' } as const;
    const undeclared = planColumns(['Mobile', 'Phone'], mappingOf({ columns }));
    expect(undeclared.issues).toHaveLength(1);
    expect(undeclared.issues[0]?.path).toBe('columns.Phone');
    expect(undeclared.issues[0]?.message).toContain('fallbacks.phone');
    expect(undeclared.plan.slots[0]?.columnIndexes).toEqual([0, 1]);

    const declared = planColumns(['Mobile', 'Phone'], mappingOf({ columns, fallbacks: { phone: ['Phone', 'Mobile'] } }));
    expect(declared.issues).toEqual([]);
    expect(declared.plan.slots[0]?.columnIndexes).toEqual([1, 0]);
  });

  it('reports a default that cannot be converted once, at plan time', () => {
    const { issues } = planColumns(['Email'], mappingOf({ columns: { Email: 'email' }, defaults: { employees: 'a few' } }));
    expect(issues).toEqual([{ path: 'defaults.employees', message: expect.stringContaining('"a few" is not a number of employees') }]);
  });

  it('keeps a duplicate header under a distinct attribute name and says so', () => {
    const { plan, issues } = planColumns(['Email', 'Notes', 'notes'], mappingOf({ columns: { Email: 'email' } }));
    expect(issues).toEqual([{ path: 'headers.3', message: '"notes" appears again (first as column 2); this one is kept as attributes.notes (column 3)' }]);
    expect(plan.unmappedColumns).toEqual([
      { index: 1, attributeName: 'Notes' },
      { index: 2, attributeName: 'notes (column 3)' },
    ]);
  });

  it('reports an unmapped header that would shadow a mapped attribute', () => {
    const { issues } = planColumns(['Email', 'Origin', 'lead_origin'], mappingOf({ columns: { Email: 'email', Origin: 'attributes.Lead_Origin' } }));
    expect(issues.map((issue) => issue.path)).toEqual(['attributes.lead_origin']);
  });
});

describe('describePlan', () => {
  it('says for every header where its values go, in file order', () => {
    const mapping = mappingOf({
      columns: { Phone: 'phone', Mobile: 'phone', Origin: 'attributes.origin', Activity: 'attributes.activity' },
      fallbacks: { phone: ['Phone', 'Mobile'] },
      ignoreColumns: ['Internal'],
      touch: { typeFromColumn: 'Activity', occurredAtColumn: 'At' },
    });
    const { plan } = planColumns(['\uFEFFPhone ', 'Mobile', 'Origin', 'Internal', 'Activity', 'At', 'Notes', ''], mapping);
    expect(describePlan(plan)).toEqual([
      { column: 'Phone', targets: ['phone'] },
      { column: 'Mobile', targets: ['phone'], note: 'used when Phone is empty; otherwise kept as attributes.Mobile' },
      { column: 'Origin', targets: ['attributes.origin'] },
      { column: 'Internal', targets: ['ignored'] },
      { column: 'Activity', targets: ['attributes.activity', 'touch.type'] },
      { column: 'At', targets: ['touch.occurredAt'] },
      { column: 'Notes', targets: ['attributes.Notes'] },
      { column: '', targets: ['attributes.column_8'] },
    ]);
  });
});
