import { describe, expect, it } from 'vitest';
import { showsColumn, type ColumnRow } from './column-filter.ts';

const email: ColumnRow = { column: 'Email', choice: { kind: 'field', field: 'email' }, changed: false, samples: ['ada@engines.co.uk'] };
const jobLevel: ColumnRow = { column: 'JobLevel__c', choice: { kind: 'field', field: 'seniority' }, changed: true, samples: ['VP'] };
const fax: ColumnRow = { column: 'Fax', choice: { kind: 'attribute', name: 'Fax' }, changed: false, samples: [] };
const jigsaw: ColumnRow = { column: 'Jigsaw', choice: { kind: 'ignore' }, changed: false, samples: [] };
const created: ColumnRow = { column: 'CreatedDate', choice: { kind: 'touchTime' }, changed: false, samples: ['2025-03-03T09:15:00.000Z'] };
const rows = [email, jobLevel, fax, jigsaw, created];

describe('showsColumn', () => {
  it('keeps the columns of the chosen view', () => {
    const shown = (view: Parameters<typeof showsColumn>[1]) => rows.filter((row) => showsColumn(row, view, '', '')).map((row) => row.column);
    expect(shown('all')).toHaveLength(5);
    expect(shown('fields')).toEqual(['Email', 'JobLevel__c', 'CreatedDate']);
    expect(shown('attributes')).toEqual(['Fax']);
    expect(shown('ignored')).toEqual(['Jigsaw']);
    expect(shown('changed')).toEqual(['JobLevel__c']);
  });

  it('matches the search text in the header, the target’s name or a sample value, ignoring case', () => {
    expect(showsColumn(email, 'all', ' EMAIL ', 'E-mail')).toBe(true);
    expect(showsColumn(jobLevel, 'all', 'senior', 'Seniority')).toBe(true);
    expect(showsColumn(email, 'all', 'engines', 'E-mail')).toBe(true);
    expect(showsColumn(fax, 'all', 'phone', 'Kept as attribute “Fax”')).toBe(false);
    expect(showsColumn(jobLevel, 'attributes', 'VP', 'Seniority')).toBe(false);
  });
});
