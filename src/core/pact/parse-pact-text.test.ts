import { describe, expect, it } from 'vitest';
import { parsePactText } from './parse-pact-text.ts';

describe('parsePactText', () => {
  it('reads JSON', () => {
    expect(parsePactText('{"name": "Q3 pact", "fitRules": []}')).toEqual({ ok: true, value: { name: 'Q3 pact', fitRules: [] } });
  });

  it('reads YAML when the text is not JSON, keeping dates and times as text', () => {
    const text = ['name: Q3 pact', 'sla:', '  calendar:', '    startTime: 09:00', '    holidays: [2025-12-25]', 'flag: yes'].join('\n');
    expect(parsePactText(text)).toEqual({
      ok: true,
      value: { name: 'Q3 pact', sla: { calendar: { startTime: '09:00', holidays: ['2025-12-25'] } }, flag: 'yes' },
    });
  });

  it('reads JSON text as YAML when told so (YAML is a superset)', () => {
    expect(parsePactText('{"a": [1, 2]}', 'yaml')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('reports a YAML syntax error with its line and column, in plain words', () => {
    const text = ['name: Q3 pact', 'fitRules:', '  - id: vp', '    label VP', '    points: 20', ''].join('\n');
    expect(parsePactText(text, 'yaml')).toEqual({
      ok: false,
      issues: [
        {
          path: '(document)',
          message: 'YAML syntax error at line 4, column 5: expected "key: value" (is a colon missing, or is the line indented too far?)',
        },
      ],
    });
    const unclosed = ['grading:', '  thresholds: {A: 60, B: 40', 'name: x', ''].join('\n');
    expect(parsePactText(unclosed)).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'YAML syntax error at line 3, column 1: a section opened with { is not closed with }' }],
    });
  });

  it('reports bad indentation in YAML at the offending line', () => {
    const text = ['fitRules:', '  - id: vp', '   label: VP', ''].join('\n');
    const result = parsePactText(text);
    expect(result).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'YAML syntax error at line 3, column 1: Sequence item without - indicator' }],
    });
  });

  it('treats a key repeated in one YAML section as an error', () => {
    const text = ['fitRules:', '  - id: vp', '    points: 20', '    points: 25', ''].join('\n');
    expect(parsePactText(text)).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'YAML duplicate key at line 4, column 5: points appears twice in the same section' }],
    });
  });

  it('says tabs are not allowed as YAML indentation', () => {
    const result = parsePactText('name: x\nsla:\n\tcalendar: {}\n', 'yaml');
    expect(result).toEqual({ ok: false, issues: [{ path: '(document)', message: 'YAML syntax error at line 3, column 1: indent with spaces, not tabs' }] });
  });

  it('reports a JSON syntax error with its line and column when the text looks like JSON', () => {
    const text = '{\n  "name": "Q3 pact",\n  "currency": "USD"\n  "fitRules": []\n}';
    expect(parsePactText(text)).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'JSON syntax error at line 4, column 3: missing , before this entry' }],
    });
  });

  it('names a trailing comma and a missing closing quote in JSON', () => {
    expect(parsePactText('{"a": [1, 2,]}', 'json')).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'JSON syntax error at line 1, column 13: remove the comma before ]' }],
    });
    expect(parsePactText('{"a": "b}', 'json')).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'JSON syntax error at line 1, column 7: text is missing its closing "' }],
    });
    expect(parsePactText('[1 2]', 'json')).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'JSON syntax error at line 1, column 4: expected , or ] after the item' }],
    });
    expect(parsePactText('{"a": ', 'json')).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'JSON syntax error at line 1, column 7: the document ends too early' }],
    });
  });

  it('treats a key repeated in one JSON object as an error, but not the same key in sibling objects', () => {
    expect(parsePactText('{"a": 1,\n "a": 2}', 'json')).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'JSON syntax error at line 2, column 2: duplicate key "a" in the same section' }],
    });
    expect(parsePactText('[{"a": 1}, {"a": 2}]', 'json')).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }] });
  });

  it('rejects an empty document', () => {
    expect(parsePactText('  \n')).toEqual({ ok: false, issues: [{ path: '(document)', message: 'the pact is empty' }] });
    expect(parsePactText('# only a comment\n', 'yaml')).toEqual({ ok: false, issues: [{ path: '(document)', message: 'the pact is empty' }] });
  });

  it('ignores a byte order mark', () => {
    expect(parsePactText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
