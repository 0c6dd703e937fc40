import type { components } from '../api/schema.d.ts';

export type ImportMapping = components['schemas']['ImportMapping'];
type LeadInput = components['schemas']['LeadInput'];

/** A lead field a column may feed: LeadInput's scalar fields (touch, consent and attributes have their own syntax). */
export type LeadField = Exclude<keyof LeadInput, 'touch' | 'consent' | 'attributes'>;

/**
 * What each lead field is called on screen, in the order the mapping select lists them. Typed as a
 * Record over LeadInput's keys, so a field the API adds fails the type check until it is named here.
 */
export const leadFieldLabels: Record<LeadField, string> = {
  email: 'E-mail',
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Job title',
  seniority: 'Seniority',
  phone: 'Phone',
  company: 'Company',
  website: 'Website',
  industry: 'Industry',
  employees: 'Employees',
  annualRevenue: 'Annual revenue',
  country: 'Country',
  state: 'State or region',
  city: 'City',
  source: 'Lead source',
  campaign: 'Campaign',
  externalSource: 'Source system',
  externalId: 'External id',
};

export const leadFields = Object.keys(leadFieldLabels) as LeadField[];

export function isLeadField(target: string): target is LeadField {
  return Object.hasOwn(leadFieldLabels, target);
}

/** Where one CSV column goes, as the person chooses it. */
export type ColumnChoice =
  | { kind: 'field'; field: LeadField }
  /** Kept verbatim on the lead as `attributes.<name>` (pact rules may test it). */
  | { kind: 'attribute'; name: string }
  | { kind: 'ignore' }
  /** When the row's interaction happened (ISO 8601 with an offset). */
  | { kind: 'touchTime' }
  /** Which kind of interaction the row is (its values looked up in the mapping's typeMap). */
  | { kind: 'touchType' };

/** The value of a choice in the column's select. Attribute names are not part of it: one column has one attribute option. */
export function choiceValue(choice: ColumnChoice): string {
  switch (choice.kind) {
    case 'field':
      return `field:${choice.field}`;
    case 'attribute':
      return 'attribute';
    case 'ignore':
      return 'ignore';
    case 'touchTime':
      return 'touch-time';
    case 'touchType':
      return 'touch-type';
  }
}

/** The choice a select value stands for; `attributeName` is the name the attribute option keeps. Undefined for a value no option has. */
export function choiceFromValue(value: string, attributeName: string): ColumnChoice | undefined {
  if (value === 'attribute') return { kind: 'attribute', name: attributeName };
  if (value === 'ignore') return { kind: 'ignore' };
  if (value === 'touch-time') return { kind: 'touchTime' };
  if (value === 'touch-type') return { kind: 'touchType' };
  const field = value.startsWith('field:') ? value.slice('field:'.length) : '';
  return isLeadField(field) ? { kind: 'field', field } : undefined;
}

/** The choice in words, as the mapping table and its summary say it. */
export function choiceLabel(choice: ColumnChoice): string {
  switch (choice.kind) {
    case 'field':
      return leadFieldLabels[choice.field];
    case 'attribute':
      return `Kept as attribute “${choice.name}”`;
    case 'ignore':
      return 'Not imported';
    case 'touchTime':
      return 'Touch time';
    case 'touchType':
      return 'Touch type';
  }
}

export function sameChoice(a: ColumnChoice, b: ColumnChoice): boolean {
  if (a.kind === 'attribute' && b.kind === 'attribute') return a.name === b.name;
  return choiceValue(a) === choiceValue(b);
}
