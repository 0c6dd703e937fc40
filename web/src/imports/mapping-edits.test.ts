import { describe, expect, it } from 'vitest';
import { adjustedMapping, attributeNameFor, changedColumnIndexes, columnChoiceOf, mapsEmail, repeatedHeaderIndexes, withColumnChoice } from './mapping-edits.ts';
import { choiceFromValue, choiceLabel, choiceValue, type ImportMapping } from './mapping-targets.ts';

// What the preview returns for a small Salesforce export: the format's mapping limited to the file's columns.
const salesforce: ImportMapping = {
  name: 'Salesforce Lead export',
  externalSource: 'salesforce',
  columns: { Id: 'externalId', Salutation: 'attributes.salutation', LastName: 'lastName', Email: 'email', Phone: 'phone', MobilePhone: 'phone' },
  fallbacks: { phone: ['Phone', 'MobilePhone'] },
  nullValues: [''],
  ignoreColumns: ['Jigsaw'],
  touch: { typeFromColumn: null, typeMap: {}, defaultType: 'import', occurredAtColumn: 'CreatedDate' },
  defaults: {},
};
const headers = ['Id', 'Salutation', 'LastName', 'Email', 'Phone', 'MobilePhone', 'Jigsaw', 'CreatedDate', 'JobLevel__c', 'Fax'];

describe('columnChoiceOf', () => {
  it('reads fields, renamed attributes, ignored and touch columns, and keeps unmentioned ones as attributes under their header', () => {
    expect(columnChoiceOf(salesforce, 'Email')).toEqual({ kind: 'field', field: 'email' });
    expect(columnChoiceOf(salesforce, ' email ')).toEqual({ kind: 'field', field: 'email' });
    expect(columnChoiceOf(salesforce, 'Salutation')).toEqual({ kind: 'attribute', name: 'salutation' });
    expect(columnChoiceOf(salesforce, 'Jigsaw')).toEqual({ kind: 'ignore' });
    expect(columnChoiceOf(salesforce, 'CreatedDate')).toEqual({ kind: 'touchTime' });
    expect(columnChoiceOf(salesforce, '\uFEFFJobLevel__c')).toEqual({ kind: 'attribute', name: 'JobLevel__c' });
    expect(attributeNameFor(salesforce, 'Salutation')).toBe('salutation');
    expect(attributeNameFor(salesforce, 'Email')).toBe('Email');
  });
});

describe('withColumnChoice', () => {
  it('maps an attribute column to a free field and changes nothing else', () => {
    const changed = withColumnChoice(salesforce, 'JobLevel__c', { kind: 'field', field: 'seniority' }, headers);
    expect(changed).toEqual({ ...salesforce, columns: { ...salesforce.columns, JobLevel__c: 'seniority' } });
    expect(changedColumnIndexes(salesforce, changed, headers)).toEqual([headers.indexOf('JobLevel__c')]);
  });

  it('ignores a column: out of columns and fallbacks, into ignoreColumns; a fallback list of one is dropped', () => {
    const changed = withColumnChoice(salesforce, 'MobilePhone', { kind: 'ignore' }, headers);
    expect(changed.columns).not.toHaveProperty('MobilePhone');
    expect(changed.fallbacks).toEqual({});
    expect(changed.ignoreColumns).toEqual(['Jigsaw', 'MobilePhone']);
    expect(columnChoiceOf(changed, 'Phone')).toEqual({ kind: 'field', field: 'phone' });
  });

  it('adds a second column on a field as its last fallback, after the declared order', () => {
    const changed = withColumnChoice(salesforce, 'Fax', { kind: 'field', field: 'phone' }, headers);
    expect(changed.fallbacks).toEqual({ phone: ['Phone', 'MobilePhone', 'Fax'] });
    const email = withColumnChoice(salesforce, 'JobLevel__c', { kind: 'field', field: 'email' }, headers);
    expect(email.fallbacks).toEqual({ phone: ['Phone', 'MobilePhone'], email: ['Email', 'JobLevel__c'] });
  });

  it('orders undeclared columns on a field by their place in the file', () => {
    const twoUndeclared: ImportMapping = { ...salesforce, fallbacks: {} };
    const changed = withColumnChoice(twoUndeclared, 'Fax', { kind: 'field', field: 'phone' }, headers);
    expect(changed.fallbacks).toEqual({ phone: ['Phone', 'MobilePhone', 'Fax'] });
    const reversed = withColumnChoice(twoUndeclared, 'Fax', { kind: 'field', field: 'phone' }, [...headers].reverse());
    expect(reversed.fallbacks).toEqual({ phone: ['MobilePhone', 'Phone', 'Fax'] });
  });

  it('moves the touch time to another column, and the old one back to an attribute', () => {
    const changed = withColumnChoice(salesforce, 'JobLevel__c', { kind: 'touchTime' }, headers);
    expect(changed.touch.occurredAtColumn).toBe('JobLevel__c');
    expect(columnChoiceOf(changed, 'CreatedDate')).toEqual({ kind: 'attribute', name: 'CreatedDate' });
    const cleared = withColumnChoice(salesforce, 'CreatedDate', { kind: 'field', field: 'source' }, headers);
    expect(cleared.touch.occurredAtColumn).toBeNull();
    expect(cleared.columns.CreatedDate).toBe('source');
  });

  it('keeps an attribute under its header without an entry, and a renamed one with its entry', () => {
    const unmapped = withColumnChoice(salesforce, 'Email', { kind: 'attribute', name: 'Email' }, headers);
    expect(unmapped.columns).not.toHaveProperty('Email');
    expect(mapsEmail(unmapped, headers)).toBe(false);
    expect(mapsEmail(salesforce, headers)).toBe(true);
    const renamed = withColumnChoice(salesforce, 'Email', { kind: 'attribute', name: 'old_email' }, headers);
    expect(renamed.columns.Email).toBe('attributes.old_email');
  });

  it('matches the column ignoring case and stores it as the file spells it', () => {
    const changed = withColumnChoice(salesforce, 'email', { kind: 'ignore' }, ['id', 'email']);
    expect(changed.columns).not.toHaveProperty('Email');
    expect(changed.ignoreColumns).toContain('email');
  });

  it('returns the same mapping when the choice does not change', () => {
    expect(withColumnChoice(salesforce, 'Email', { kind: 'field', field: 'email' }, headers)).toBe(salesforce);
    expect(changedColumnIndexes(salesforce, salesforce, headers)).toEqual([]);
  });
});

describe('adjustedMapping', () => {
  it('names the mapping after the detected one, once, within 100 characters', () => {
    const once = adjustedMapping(salesforce, salesforce);
    expect(once.name).toBe('Salesforce Lead export (adjusted)');
    expect(adjustedMapping(once, once).name).toBe('Salesforce Lead export (adjusted)');
    expect(adjustedMapping({ ...salesforce, name: 'x'.repeat(100) }, salesforce).name).toHaveLength(100);
  });
});

describe('repeatedHeaderIndexes', () => {
  it('finds headers that repeat an earlier one ignoring case and space', () => {
    expect([...repeatedHeaderIndexes(['Email', 'Name', ' email', 'EMAIL'])]).toEqual([2, 3]);
  });
});

describe('choice values', () => {
  it('round-trips every choice through its select value and names it', () => {
    for (const choice of [{ kind: 'field', field: 'annualRevenue' }, { kind: 'ignore' }, { kind: 'touchTime' }, { kind: 'touchType' }] as const) {
      expect(choiceFromValue(choiceValue(choice), 'x')).toEqual(choice);
    }
    expect(choiceFromValue('attribute', 'JobLevel__c')).toEqual({ kind: 'attribute', name: 'JobLevel__c' });
    expect(choiceFromValue('field:sourse', 'x')).toBeUndefined();
    expect(choiceFromValue('field:toString', 'x')).toBeUndefined();
    expect(choiceLabel({ kind: 'field', field: 'annualRevenue' })).toBe('Annual revenue');
    expect(choiceLabel({ kind: 'attribute', name: 'salutation' })).toBe('Kept as attribute “salutation”');
  });
});
