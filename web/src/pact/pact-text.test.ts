import { describe, expect, it } from 'vitest';
import { convertPactText, inPactOrder, locateIssuePath, pathText, readPactText, valueAt, withValueAt, writePactText } from './pact-text.ts';

const pact = { name: 'Pact', grading: { basis: 'fit', thresholds: { A: 60, B: 40, C: 20 } }, fitRules: [{ id: 'vp', points: 20 }], sla: { calendar: { startTime: '09:00' } } };

describe('pact text', () => {
  it('reads what it writes, in both formats', () => {
    for (const format of ['json', 'yaml'] as const) {
      const reading = readPactText(writePactText(pact, format), format);
      expect(reading).toEqual({ ok: true, value: pact });
    }
  });

  it('writes the keys in the order a person reads a pact, conditions and plain lists on one line', () => {
    // As the database hands documents back: keys sorted by length.
    const stored = { mql: { anyOf: [{ when: [{ op: 'in', field: 'score.grade', value: ['A', 'B'] }], label: 'Good fit' }] }, name: 'Pact', custom: 1, fitRules: [{ id: 'vp', when: [{ op: 'eq', field: 'lead.seniority', value: 'vp' }], label: 'VP', points: 20 }] };
    expect(Object.keys(inPactOrder(stored) as object)).toEqual(['name', 'fitRules', 'mql', 'custom']);
    const yaml = writePactText(stored, 'yaml');
    expect(yaml).toBe(
      [
        'name: Pact',
        'fitRules:',
        '  - id: vp',
        '    label: VP',
        '    when:',
        '      - { field: lead.seniority, op: eq, value: vp }',
        '    points: 20',
        'mql:',
        '  anyOf:',
        '    - label: Good fit',
        '      when:',
        '        - { field: score.grade, op: in, value: [ A, B ] }',
        'custom: 1',
        '',
      ].join('\n'),
    );
    expect(readPactText(yaml, 'yaml')).toEqual({ ok: true, value: inPactOrder(stored) });
    expect(writePactText(stored, 'json').indexOf('"name"')).toBeLessThan(writePactText(stored, 'json').indexOf('"mql"'));
  });

  it('keeps times as text in YAML, as the server reads them (YAML 1.2)', () => {
    expect(valueAt((readPactText('sla:\n  calendar:\n    startTime: 09:00\n', 'yaml') as { value: unknown }).value, ['sla', 'calendar', 'startTime'])).toBe('09:00');
  });

  it('says why text cannot be read', () => {
    expect(readPactText('{"name": ', 'json')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON/) });
    expect(readPactText('name: [unclosed', 'yaml')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid YAML/) });
    expect(readPactText('a: 1\na: 2\n', 'yaml')).toMatchObject({ ok: false });
    expect(readPactText('  ', 'yaml')).toEqual({ ok: false, message: 'The document is empty.' });
  });

  it('replaces one value and leaves the rest, keeping YAML comments', () => {
    const yaml = '# Our pact\nname: Pact\ngrading:\n  thresholds: { A: 60, B: 40, C: 20 } # agreed in May\nfitRules:\n  - id: vp\n    points: 20\n';
    const changed = withValueAt(yaml, 'yaml', ['grading', 'thresholds', 'A'], 65)!;
    expect(changed).toContain('# Our pact');
    expect(changed).toContain('# agreed in May');
    expect(valueAt((readPactText(changed, 'yaml') as { value: unknown }).value, ['grading', 'thresholds'])).toEqual({ A: 65, B: 40, C: 20 });

    const json = writePactText(pact, 'json');
    const jsonChanged = withValueAt(json, 'json', ['fitRules', 0, 'points'], 25)!;
    expect(JSON.parse(jsonChanged)).toEqual({ ...pact, fitRules: [{ id: 'vp', points: 25 }] });
    expect(pact.fitRules[0]!.points).toBe(20);
  });

  it('never rewrites text it cannot read', () => {
    expect(withValueAt('{"name": ', 'json', ['name'], 'x')).toBeNull();
    expect(withValueAt('name: [unclosed', 'yaml', ['name'], 'x')).toBeNull();
  });

  it('converts between the formats, or says it cannot', () => {
    const yaml = convertPactText(writePactText(pact, 'json'), 'json', 'yaml')!;
    expect(yaml).toMatch(/^name: Pact$/m);
    expect(JSON.parse(convertPactText(yaml, 'yaml', 'json')!)).toEqual(pact);
    expect(convertPactText('{', 'json', 'yaml')).toBeNull();
  });

  it('names paths as the server does', () => {
    expect(pathText(['fitRules', 3, 'when', 0, 'op'])).toBe('fitRules.3.when.0.op');
    expect(valueAt(pact, ['fitRules', 0, 'points'])).toBe(20);
    expect(valueAt(pact, ['fitRules', 5, 'points'])).toBeUndefined();
    expect(valueAt(pact, ['name', 'x'])).toBeUndefined();
  });
});

describe('locating an issue in the text', () => {
  const yaml = 'name: Pact\ngrading:\n  thresholds:\n    A: 60\n    B: 70\nfitRules:\n  - id: vp\n    points: 200\n';

  it('finds the value at the path, in YAML and in JSON', () => {
    expect(locateIssuePath(yaml, 'fitRules.0.points')).toEqual({ line: 8, offset: yaml.indexOf('200') });
    expect(locateIssuePath(yaml, 'grading.thresholds')?.line).toBe(4);
    const json = '{\n  "name": "Pact",\n  "fitRules": [\n    { "id": "vp", "points": 200 }\n  ]\n}\n';
    expect(locateIssuePath(json, 'fitRules.0.points')).toEqual({ line: 4, offset: json.indexOf('200') });
  });

  it('falls back to the nearest part that exists, and gives up on unreadable text', () => {
    expect(locateIssuePath(yaml, 'fitRules.0.label')?.line).toBe(7);
    expect(locateIssuePath(yaml, 'sla.calendar')).toBeNull();
    expect(locateIssuePath('name: [unclosed', 'name')).toBeNull();
  });
});
