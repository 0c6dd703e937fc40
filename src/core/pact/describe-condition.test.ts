import { describe, expect, it } from 'vitest';
import { describeCondition, describeConditions, describeFactField, formatMinorUnits } from './describe-condition.ts';

describe('describeCondition', () => {
  it('reads each operator as words', () => {
    expect(describeCondition({ field: 'lead.title', op: 'contains_any', value: ['student', 'intern'] })).toBe('title contains any of "student", "intern"');
    expect(describeCondition({ field: 'lead.employees', op: 'between', value: [200, 5000] })).toBe('employees between 200 and 5,000');
    expect(describeCondition({ field: 'lead.country', op: 'not_in', value: ['US', 'CA'] })).toBe('country is none of "US", "CA"');
    expect(describeCondition({ field: 'email.kind', op: 'in', value: ['disposable'] })).toBe('e-mail kind is "disposable"');
    expect(describeCondition({ field: 'email.domain', op: 'ends_with', value: '.edu' })).toBe('e-mail domain ends with ".edu"');
    expect(describeCondition({ field: 'score.engagement', op: 'gte', value: 40 })).toBe('engagement score is at least 40');
    expect(describeCondition({ field: 'lead.website', op: 'not_exists' })).toBe('website is unknown');
    expect(describeCondition({ field: 'lead.title', op: 'matches', value: '^vp\\b' })).toBe('title matches the pattern /^vp\\b/');
  });

  it('reads true/false facts as statements', () => {
    expect(describeCondition({ field: 'phone.valid', op: 'eq', value: true })).toBe('phone number is valid');
    expect(describeCondition({ field: 'phone.valid', op: 'eq', value: false })).toBe('phone number is not valid');
    expect(describeCondition({ field: 'touch.hand_raiser', op: 'neq', value: 'false' })).toBe('lead raised a hand');
  });

  it('reads the list of touch types as inclusion', () => {
    expect(describeCondition({ field: 'touch.types', op: 'eq', value: 'webinar' })).toBe('touch types include "webinar"');
    expect(describeCondition({ field: 'touch.types', op: 'not_in', value: ['visit', 'email_open'] })).toBe('touch types include none of "visit", "email_open"');
  });

  it('shows annual revenue as money when the currency is known', () => {
    const condition = { field: 'account.annualRevenue', op: 'gte', value: 100_000_000_00 } as const;
    expect(describeCondition(condition, { currency: 'USD' })).toBe('account annual revenue is at least $100,000,000');
    expect(describeCondition(condition)).toBe('account annual revenue is at least 10,000,000,000');
    expect(formatMinorUnits(150, 'EUR')).toBe('€1.50');
    expect(formatMinorUnits(5000, 'JPY')).toBe('¥5,000');
  });

  it('joins conditions the way the rule combines them', () => {
    const conditions = [
      { field: 'name.test', op: 'eq', value: true },
      { field: 'name.keyboard_mash', op: 'eq', value: true },
    ] as const;
    expect(describeConditions([...conditions], 'or')).toBe('name is a test name or name is keyboard mash');
  });

  it('names fields in words', () => {
    expect(describeFactField('lead.annualRevenue')).toBe('annual revenue');
    expect(describeFactField('account.ownerEmail')).toBe('account owner email');
    expect(describeFactField('lead.attributes.What is your occupation')).toBe('imported column "What is your occupation"');
  });
});
