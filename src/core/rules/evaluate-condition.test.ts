import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.ts';
import type { LeadFacts } from './lead-facts.ts';

const facts: LeadFacts = {
  lead: { title: ' VP of Sales ', employees: 250, country: 'DE', attributes: { 'What is your current occupation': 'Student' } },
  account: null,
  email: { domain: 'acme.com', kind: 'business' },
  phone: { valid: true },
  name: { keyboard_mash: false, test: false },
  touch: { hand_raiser: true, types: ['demo_request', 'visit'] },
};

describe('evaluateCondition', () => {
  it('compares text ignoring case and spacing', () => {
    expect(evaluateCondition({ field: 'lead.title', op: 'contains_any', value: ['vp', 'chief'] }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'lead.title', op: 'eq', value: 'vp of sales' }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'lead.title', op: 'starts_with', value: 'director' }, facts)).toBe(false);
  });
  it('compares numbers and ranges', () => {
    expect(evaluateCondition({ field: 'lead.employees', op: 'between', value: [200, 1000] }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'lead.employees', op: 'gt', value: 250 }, facts)).toBe(false);
  });
  it('reads imported attributes by name, case-insensitively', () => {
    expect(evaluateCondition({ field: 'lead.attributes.what is your current occupation', op: 'eq', value: 'student' }, facts)).toBe(true);
  });
  it('treats a blank fact as failing every comparison but neq/not_in/not_exists', () => {
    expect(evaluateCondition({ field: 'lead.industry', op: 'eq', value: 'x' }, facts)).toBe(false);
    expect(evaluateCondition({ field: 'lead.industry', op: 'neq', value: 'x' }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'lead.industry', op: 'not_exists' }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'account.name', op: 'exists' }, facts)).toBe(false);
  });
  it('matches list facts when any element matches', () => {
    expect(evaluateCondition({ field: 'touch.types', op: 'eq', value: 'demo_request' }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'touch.types', op: 'not_in', value: ['webinar'] }, facts)).toBe(true);
    expect(evaluateCondition({ field: 'touch.hand_raiser', op: 'eq', value: true }, facts)).toBe(true);
  });
});
