import { describe, expect, it } from 'vitest';
import { junkPolicySchema } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { defaultJunkRules } from './default-junk-rules.ts';
import { detectJunk } from './detect-junk.ts';

const policy = junkPolicySchema.parse({ rules: defaultJunkRules });

const cleanFacts: LeadFacts = {
  lead: { title: 'VP Engineering' },
  account: null,
  email: { domain: 'acme.com', kind: 'business' },
  phone: { valid: true },
  name: { keyboard_mash: false, test: false },
};

const junkCode = (changes: Partial<LeadFacts>) => detectJunk({ ...cleanFacts, ...changes }, policy)?.code ?? null;

describe('defaultJunkRules', () => {
  it('are valid pact junk rules', () => {
    expect(policy.rules).toEqual(defaultJunkRules);
  });

  it('flag disposable mail but not free mail', () => {
    expect(junkCode({ email: { domain: 'yopmail.com', kind: 'disposable' } })).toBe('disposable_mail');
    expect(junkCode({ email: { domain: 'gmail.com', kind: 'free' } })).toBeNull();
    expect(junkCode({ email: { domain: 'acme.com', kind: 'role' } })).toBeNull();
  });

  it('flag students and job seekers, not people who work with students', () => {
    for (const title of ['Student', 'student', 'MBA Student', 'Computer Science Student', 'Student at TU Berlin', 'Undergraduate', 'Job seeker', 'Looking for a job', 'Open to work', 'Unemployed', 'Étudiant']) {
      expect(junkCode({ lead: { title } }), title).toBe('student_or_job_seeker');
    }
    for (const title of ['Student Success Manager', 'Director of Student Affairs', 'Head of Student Recruitment', 'Teacher', 'VP Engineering']) {
      expect(junkCode({ lead: { title } }), title).toBeNull();
    }
  });

  it('flag test and keyboard-mash names', () => {
    expect(junkCode({ name: { keyboard_mash: false, test: true } })).toBe('test_or_fake_name');
    expect(junkCode({ name: { keyboard_mash: true, test: false } })).toBe('test_or_fake_name');
  });

  it('flag an impossible phone, not a missing one', () => {
    expect(junkCode({ phone: { valid: false } })).toBe('invalid_phone');
    expect(junkCode({ phone: { valid: null } })).toBeNull();
  });

  it('leave a clean lead alone', () => {
    expect(junkCode({})).toBeNull();
  });
});
