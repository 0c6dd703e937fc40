import { describe, expect, it } from 'vitest';
import { parseMappingText } from './parse-mapping-text.ts';
import { previewImport } from './preview-import.ts';

describe('previewImport', () => {
  it('detects the format from the header line alone and says where each column goes', () => {
    const preview = previewImport('email,First Name,touch_type,Shoe Size');
    expect(preview).toMatchObject({ format: 'leadpact', importable: true, sample: [], issues: [] });
    expect(preview.columns).toEqual([
      { column: 'email', targets: ['email'] },
      { column: 'First Name', targets: ['attributes.First Name'] },
      { column: 'touch_type', targets: ['touch.type'] },
      { column: 'Shoe Size', targets: ['attributes.Shoe Size'] },
    ]);
  });

  it('maps the first five rows, each with its line and issues', () => {
    const rows = ['a@acme-corp.com,10', 'b@acme-corp.com,ten', 'c@acme-corp.com,1-50', 'd@acme-corp.com,5', '"e@acme-corp.com\n",6', 'f@acme-corp.com,7'];
    const preview = previewImport(['email,employees', ...rows].join('\n'));
    expect(preview.sample.map((row) => [row.line, row.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, true],
      [6, true],
    ]);
    expect(preview.sample[1]).toEqual({ line: 3, ok: false, issues: [{ line: 3, field: 'employees', message: expect.stringContaining('"ten"') }] });
    expect(preview.sample[2]).toMatchObject({ ok: true, input: { employees: 26, attributes: { employees_raw: '1-50' } } });
  });

  it('with a mapping, reports its problems and whether an import would start', () => {
    const mapping = parseMappingText(JSON.stringify({ name: 'Fair', columns: { Name: 'firstName', Mail: 'email' } }));
    const preview = previewImport('Name,City\nAna,Porto\n', mapping);
    expect(preview.format).toBe('custom');
    expect(preview.importable).toBe(false);
    expect(preview.issues.map((issue) => issue.path)).toEqual(['columns', 'columns.Mail']);
    expect(previewImport('name,city\n').issues).toEqual([{ path: 'mapping', message: expect.stringContaining('no mapping was given') }]);
  });

  it('ignores the unfinished last line of a cut file, but reports a quote left open in a whole one', () => {
    const cut = previewImport('email,company\nann@acme-corp.com,Acme\nbo@acme-c', undefined, { cutAtEnd: true });
    expect(cut.sample).toHaveLength(1);
    expect(cut.issues).toEqual([]);
    const cutInsideQuote = previewImport('email,notes\nann@acme-corp.com,"first line\nsecond', undefined, { cutAtEnd: true });
    expect(cutInsideQuote).toMatchObject({ sample: [], issues: [] });
    const whole = previewImport('email,notes\nann@acme-corp.com,"never closed\n');
    expect(whole.issues).toEqual([{ path: 'file', message: expect.stringMatching(/line 2 is never closed/) }]);
  });

  it('says so when the text is empty', () => {
    expect(previewImport('')).toMatchObject({ format: 'unknown', importable: false, issues: [{ path: 'file' }], columns: [] });
  });
});
