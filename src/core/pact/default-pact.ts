import type { PactDocument, PactDocumentInput } from './pact-schema.ts';
import { validatePact } from './validate-pact.ts';

/**
 * The pact a new install runs with: a sensible B2B starting point for teams selling to companies of
 * a few hundred to a few thousand people in North America and Western Europe. Meant to be edited,
 * simulated and signed, not kept as is. `examples/default-pact.yaml` is the same pact, commented.
 */
export const defaultPactDocument: PactDocumentInput = {
  name: 'Default pact',
  defaultPhoneRegion: 'US',
  currency: 'USD',
  fitRules: [
    { id: 'c_level', label: 'C-level title', when: [{ field: 'lead.seniority', op: 'eq', value: 'c_level' }], points: 25 },
    { id: 'vp', label: 'VP-level title', when: [{ field: 'lead.seniority', op: 'eq', value: 'vp' }], points: 20 },
    { id: 'director', label: 'Director-level title', when: [{ field: 'lead.seniority', op: 'eq', value: 'director' }], points: 15 },
    { id: 'manager', label: 'Manager-level title', when: [{ field: 'lead.seniority', op: 'eq', value: 'manager' }], points: 8 },
    {
      id: 'student_or_intern',
      label: 'Student or intern',
      // Whole words only: a plain "contains intern" would also hit "International Sales Director".
      when: [{ field: 'lead.title', op: 'matches', value: '\\b(student|intern|internship)\\b' }],
      points: -30,
    },
    {
      id: 'target_industry',
      label: 'Target industry',
      when: [{ field: 'lead.industry', op: 'in', value: ['software', 'technology', 'financial services', 'healthcare', 'manufacturing'] }],
      points: 10,
    },
    { id: 'mid_market', label: '200 to 5,000 employees', when: [{ field: 'lead.employees', op: 'between', value: [200, 5000] }], points: 15 },
    { id: 'enterprise', label: 'More than 5,000 employees', when: [{ field: 'lead.employees', op: 'gt', value: 5000 }], points: 20 },
    { id: 'micro_company', label: 'Fewer than 10 employees', when: [{ field: 'lead.employees', op: 'lt', value: 10 }], points: -10 },
    {
      id: 'target_country',
      label: 'Target country',
      when: [{ field: 'lead.country', op: 'in', value: ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'SE', 'AU'] }],
      points: 10,
    },
    { id: 'business_email', label: 'Business e-mail address', when: [{ field: 'email.kind', op: 'eq', value: 'business' }], points: 10 },
    { id: 'free_email', label: 'Free e-mail address', when: [{ field: 'email.kind', op: 'eq', value: 'free' }], points: -10 },
    { id: 'valid_phone', label: 'Valid phone number', when: [{ field: 'phone.valid', op: 'eq', value: true }], points: 5 },
    { id: 'has_website', label: 'Company website given', when: [{ field: 'lead.website', op: 'exists' }], points: 5 },
  ],
  engagementRules: [
    { id: 'demo_request', label: 'Demo request', touchType: 'demo_request', points: 40, halfLifeDays: 30, handRaiser: true },
    { id: 'contact_request', label: 'Contact request', touchType: 'contact_request', points: 35, halfLifeDays: 30, handRaiser: true },
    { id: 'trial_signup', label: 'Trial sign-up', touchType: 'trial_signup', points: 30, halfLifeDays: 30, handRaiser: true },
    { id: 'form_fill', label: 'Form fill', touchType: 'form_fill', points: 15, halfLifeDays: 45 },
    { id: 'webinar', label: 'Webinar attended', touchType: 'webinar', points: 15, halfLifeDays: 60 },
    { id: 'event', label: 'Event attended', touchType: 'event', points: 15, halfLifeDays: 60 },
    { id: 'content_download', label: 'Content download', touchType: 'content_download', points: 10, halfLifeDays: 45 },
    { id: 'email_click', label: 'E-mail click', touchType: 'email_click', points: 5, halfLifeDays: 14, maxCount: 10 },
    { id: 'email_open', label: 'E-mail open', touchType: 'email_open', points: 1, halfLifeDays: 7, maxCount: 10 },
    { id: 'visit', label: 'Website visit', touchType: 'visit', points: 2, halfLifeDays: 14, maxCount: 20 },
    { id: 'chat', label: 'Chat conversation', touchType: 'chat', points: 10, halfLifeDays: 30 },
    // An import says nothing about interest; the rule exists so imported touches are counted, not scored.
    { id: 'import', label: 'Imported from a list', touchType: 'import', points: 0, halfLifeDays: 30 },
  ],
  grading: { basis: 'fit', thresholds: { A: 60, B: 40, C: 20 }, fitRange: [0, 100] },
  mql: {
    anyOf: [
      {
        label: 'Good fit and engaged',
        when: [
          { field: 'score.grade', op: 'in', value: ['A', 'B'] },
          { field: 'score.engagement', op: 'gte', value: 40 },
        ],
      },
      {
        label: 'Hand-raiser with acceptable fit',
        when: [
          { field: 'touch.hand_raiser', op: 'eq', value: true },
          { field: 'score.grade', op: 'in', value: ['A', 'B', 'C'] },
        ],
      },
    ],
  },
  junk: {
    // Add your competitors' domains, e.g. ['rival.example'], so their people never reach sales.
    competitorDomains: [],
    extraFreeMailDomains: [],
    rules: [
      { code: 'disposable_email', reason: 'Disposable e-mail address', whenAny: [{ field: 'email.kind', op: 'in', value: ['disposable'] }] },
      {
        code: 'student_or_job_seeker',
        reason: 'Student or job seeker',
        whenAny: [{ field: 'lead.title', op: 'matches', value: '\\b(student|job ?seeker|looking for (work|a job)|unemployed)\\b' }],
      },
      {
        code: 'test_or_fake_name',
        reason: 'Test or keyboard-mash name',
        whenAny: [
          { field: 'name.test', op: 'eq', value: true },
          { field: 'name.keyboard_mash', op: 'eq', value: true },
        ],
      },
      { code: 'invalid_phone', reason: 'Phone number that cannot exist', whenAny: [{ field: 'phone.valid', op: 'eq', value: false }] },
    ],
  },
  classification: {
    // Rules are tried in order and each rule's conditions must all hold, so "big by headcount OR by
    // revenue" is two rules.
    rules: [
      { class: 'field', label: 'Enterprise by headcount', when: [{ field: 'account.employees', op: 'gte', value: 1000 }], priority: 80 },
      // 100,000,000 USD in cents (annual revenue is kept in minor units of the pact's currency).
      { class: 'field', label: 'Enterprise by revenue', when: [{ field: 'account.annualRevenue', op: 'gte', value: 100_000_000_00 }], priority: 80 },
      { class: 'inside', label: 'Mid-market', when: [{ field: 'account.employees', op: 'between', value: [50, 999] }], priority: 60 },
    ],
    defaultClass: 'marketing_led',
  },
  routing: {
    field: { team: 'Field Sales', strategy: ['account_owner', 'territory', 'round_robin'], territories: [] },
    inside: { team: 'Inside Sales', strategy: ['account_owner', 'round_robin'] },
    marketing_led: { team: 'Digital Sales', strategy: ['round_robin'] },
  },
  sla: {
    calendar: { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00', holidays: [] },
    perGrade: {
      A: { acceptWithinHours: 2, firstAttemptWithinHours: 4, minAttempts: 6, attemptWindowDays: 14, feedbackWithinHours: 48 },
      B: { acceptWithinHours: 4, firstAttemptWithinHours: 8, minAttempts: 5, attemptWindowDays: 14, feedbackWithinHours: 72 },
      C: { acceptWithinHours: 8, firstAttemptWithinHours: 24, minAttempts: 4, attemptWindowDays: 21, feedbackWithinHours: 120 },
      D: { acceptWithinHours: 24, firstAttemptWithinHours: 48, minAttempts: 3, attemptWindowDays: 30, feedbackWithinHours: 168 },
    },
    warnAtFraction: 0.75,
    escalation: { notifyManagerAfterBreachHours: 1, reassignAfterBreachHours: 8 },
  },
  dispositions: [
    { code: 'wrong_target', label: 'Wrong target (not our ideal customer)', action: 'disqualify', suggests: 'targeting' },
    { code: 'not_decision_maker', label: 'Not the decision maker', action: 'return_to_marketing', suggests: 'targeting' },
    { code: 'no_pain', label: 'No pain we solve', action: 'recycle', recycleAfterDays: 90, suggests: 'message' },
    { code: 'no_budget', label: 'No budget', action: 'recycle', recycleAfterDays: 180, suggests: 'timing' },
    { code: 'bad_timing', label: 'Bad timing', action: 'recycle', recycleAfterDays: 90, suggests: 'timing' },
    { code: 'chose_competitor', label: 'Chose a competitor', action: 'recycle', recycleAfterDays: 365, suggests: 'message' },
    { code: 'student_or_job_seeker', label: 'Student or job seeker', action: 'disqualify', suggests: 'targeting' },
    { code: 'bad_data', label: 'Bad data (cannot be reached)', action: 'disqualify', suggests: 'data_quality' },
    { code: 'already_customer', label: 'Already a customer', action: 'disqualify', suggests: 'none' },
    { code: 'duplicate', label: 'Duplicate of another lead', action: 'disqualify', suggests: 'data_quality' },
  ],
  commitments: [{ period: 'quarter', mqlVolume: 1500, mqlToSqlFloor: 0.2 }],
};

/**
 * The default pact validated, with every default filled in. A fresh copy on each call, so callers
 * may change it. Throws only if the built-in document itself were invalid (a programming error
 * that its test catches).
 */
export function defaultPact(): PactDocument {
  const result = validatePact(structuredClone(defaultPactDocument));
  if (!result.ok) {
    throw new Error(`the built-in default pact is invalid: ${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
  return result.pact;
}
