import { describe, expect, it } from 'vitest';
import { contactChangesOf, contactFormValuesOf } from './lead-contact-form.ts';

const lead = { firstName: 'Ana', lastName: null, title: 'CTO', phone: '+14155552671', company: 'Acme', website: null, industry: null, employees: 250, country: 'US', state: null, city: 'Austin' };

describe('lead contact form', () => {
  it('opens with the lead’s values as text and blanks for what is unknown', () => {
    expect(contactFormValuesOf(lead)).toMatchObject({ firstName: 'Ana', lastName: '', employees: '250', state: '' });
  });

  it('sends only what changed: trimmed, an emptied field as null, employees as a number', () => {
    const initial = contactFormValuesOf(lead);
    const { changes, errors } = contactChangesOf(initial, { ...initial, lastName: '  Diaz ', title: '', employees: '1,200', city: 'Austin ' });
    expect(errors).toEqual({});
    expect(changes).toEqual({ lastName: 'Diaz', title: null, employees: 1200 });
  });

  it('says at the field when employees is not a whole number, and sends nothing for it', () => {
    const initial = contactFormValuesOf(lead);
    const { changes, errors } = contactChangesOf(initial, { ...initial, employees: 'about 50' });
    expect(changes).toEqual({});
    expect(errors.employees).toMatch(/whole number/);
    expect(contactChangesOf(initial, { ...initial, employees: '' }).changes).toEqual({ employees: null });
  });
});
