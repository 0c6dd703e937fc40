import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadInputSchema } from '../lead/lead-input.ts';
import { leadFields, parseColumnMapping } from './column-mapping-schema.ts';

const exampleMapping: unknown = JSON.parse(readFileSync(new URL('../../../examples/x-education.mapping.json', import.meta.url), 'utf8'));

describe('parseColumnMapping', () => {
  it('lists exactly the scalar fields of LeadInput as targets', () => {
    const shapeKeys = Object.keys(leadInputSchema.shape).filter((key) => key !== 'touch' && key !== 'attributes' && key !== 'consent');
    expect([...leadFields]).toEqual(shapeKeys);
  });

  it('accepts the X Education example mapping and fills in defaults', () => {
    const result = parseColumnMapping(exampleMapping);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.mapping.externalSource).toBe('x_education');
      expect(result.mapping.fallbacks).toEqual({});
      expect(result.mapping.touch.defaultType).toBe('import');
    }
  });

  it('accepts the smallest mapping: a name', () => {
    const result = parseColumnMapping({ name: 'Webinar list' });
    expect(result).toMatchObject({ ok: true, mapping: { columns: {}, nullValues: [''], ignoreColumns: [], touch: { typeFromColumn: null, defaultType: 'import' } } });
  });

  it('names the column of an unknown target and lists the valid ones', () => {
    const result = parseColumnMapping({ name: 'x', columns: { 'Lead Source': 'sourse', Email: 'email' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.path).toBe('columns.Lead Source');
      expect(result.issues[0]?.message).toMatch(/^unknown target "sourse"; expected one of email, firstName, .*externalId or attributes\.<name>$/);
    }
  });

  it.each([
    [{ columns: { A: 'attributes.' } }, 'columns.A'],
    [{ columns: { A: 'touch' } }, 'columns.A'],
    [{ defaults: { sourse: 'x' } }, 'defaults.sourse'],
    [{ fallbacks: { phone: ['Phone', 'Mobile'] }, columns: { Phone: 'phone' } }, 'fallbacks.phone.1'],
    [{ fallbacks: { phone: ['Phone'] }, columns: { Phone: 'phone' } }, 'fallbacks.phone'],
    [{ columns: { Email: 'email', ' email ': 'attributes.other' } }, 'columns. email '],
    [{ columns: { Tags: 'attributes.tags' }, ignoreColumns: ['tags'] }, 'ignoreColumns.0'],
    [{ touch: { typeFromColumn: 'Activity', typeMap: { Opened: 'email_opened' } } }, 'touch.typeMap.Opened'],
    [{ touch: { typeFromColumn: 'Activity' }, ignoreColumns: ['Activity'] }, 'touch.typeFromColumn'],
    [{ touch: { typeMap: { Opened: 'email_open', opened: 'email_open' } } }, 'touch.typeMap.opened'],
    [{ colums: {} }, 'colums'],
  ])('reports %j at %s', (fields, path) => {
    const result = parseColumnMapping({ name: 'x', ...fields });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain(path);
  });
});
