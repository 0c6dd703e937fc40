import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { defaultPact, defaultPactDocument } from './default-pact.ts';
import { parsePactText } from './parse-pact-text.ts';
import { validatePact } from './validate-pact.ts';

const exampleYaml = readFileSync(new URL('../../../examples/default-pact.yaml', import.meta.url), 'utf8');

describe('defaultPact', () => {
  it('is valid and raises no warnings', () => {
    const result = validatePact(defaultPactDocument);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('fills in the schema defaults', () => {
    const pact = defaultPact();
    expect(pact.engagementRules.find((rule) => rule.id === 'form_fill')?.handRaiser).toBe(false);
    expect(pact.routing.inside.territories).toEqual([]);
    expect(pact.grading).toEqual({ basis: 'fit', thresholds: { A: 60, B: 40, C: 20 }, fitRange: [0, 100] });
  });

  it('holds what the brief asks for', () => {
    const pact = defaultPact();
    expect(pact.fitRules.length).toBeGreaterThanOrEqual(12);
    expect(pact.fitRules.length).toBeLessThanOrEqual(16);
    expect(pact.engagementRules.map((rule) => rule.touchType).sort()).toEqual(
      ['chat', 'contact_request', 'content_download', 'demo_request', 'email_click', 'email_open', 'event', 'form_fill', 'import', 'trial_signup', 'visit', 'webinar'],
    );
    expect(pact.engagementRules.filter((rule) => rule.handRaiser).map((rule) => rule.id)).toEqual(['demo_request', 'contact_request', 'trial_signup']);
    expect(pact.junk.rules.map((rule) => rule.code)).toEqual(['disposable_email', 'student_or_job_seeker', 'test_or_fake_name', 'invalid_phone']);
    expect(pact.dispositions.map((disposition) => disposition.code)).toEqual([
      'wrong_target',
      'not_decision_maker',
      'no_pain',
      'no_budget',
      'bad_timing',
      'chose_competitor',
      'student_or_job_seeker',
      'bad_data',
      'already_customer',
      'duplicate',
    ]);
    expect(pact.sla.perGrade.A).toEqual({ acceptWithinHours: 2, firstAttemptWithinHours: 4, minAttempts: 6, attemptWindowDays: 14, feedbackWithinHours: 48 });
    expect(pact.commitments).toEqual([{ period: 'quarter', mqlVolume: 1500, mqlToSqlFloor: 0.2 }]);
  });

  it('returns a fresh copy each time', () => {
    const first = defaultPact();
    first.fitRules.length = 0;
    expect(defaultPact().fitRules.length).toBeGreaterThan(0);
  });

  it('is the same pact as examples/default-pact.yaml', () => {
    const parsed = parsePactText(exampleYaml, 'yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const validated = validatePact(parsed.value);
    expect(validated).toMatchObject({ ok: true, warnings: [] });
    if (!validated.ok) return;
    expect(validated.pact).toEqual(defaultPact());
  });
});

describe('the default rules on real titles', () => {
  const factsWithTitle = (title: string): LeadFacts => ({
    lead: { title },
    account: null,
    email: { domain: 'acme.com', kind: 'business' },
    phone: { valid: true },
    name: { keyboard_mash: false, test: false },
  });
  const fires = (ruleId: string, title: string): boolean => {
    const rule = defaultPact().fitRules.find((candidate) => candidate.id === ruleId);
    if (!rule) throw new Error(`no fit rule ${ruleId}`);
    return evaluateAll(rule.when, factsWithTitle(title));
  };

  it('marks students and interns down, but not "International" or "Internal" titles', () => {
    expect(fires('student_or_intern', 'Marketing Intern')).toBe(true);
    expect(fires('student_or_intern', 'PhD Student')).toBe(true);
    expect(fires('student_or_intern', 'Summer internship')).toBe(true);
    expect(fires('student_or_intern', 'International Sales Director')).toBe(false);
    expect(fires('student_or_intern', 'Head of Internal Audit')).toBe(false);
  });

  it('junks job seekers by title', () => {
    const rule = defaultPact().junk.rules.find((candidate) => candidate.code === 'student_or_job_seeker');
    const junk = (title: string) => (rule ? rule.whenAny.some((condition) => evaluateAll([condition], factsWithTitle(title))) : false);
    expect(junk('Job seeker')).toBe(true);
    expect(junk('Currently looking for work')).toBe(true);
    expect(junk('Student')).toBe(true);
    expect(junk('VP Engineering')).toBe(false);
  });
});
