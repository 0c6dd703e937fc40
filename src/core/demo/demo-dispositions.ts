/**
 * The reasons demo sales reps give when they reject, recycle or lose a lead, and what each does.
 * Codes and recycle periods are the default pact's (a test holds them to it). The pact's
 * return_to_marketing (not the decision maker) has no stage of its own, so the demo disqualifies.
 */
export interface DemoDisposition {
  code: string;
  /** What the rep writes. */
  reasons: readonly string[];
  /** Days until a recycled lead resurfaces; absent when the lead is disqualified instead. */
  recycleAfterDays?: number;
}

export const demoDispositions = {
  wrong_target: { code: 'wrong_target', reasons: ['Not our target market', 'Company too small for us', 'Industry we do not serve'] },
  not_decision_maker: { code: 'not_decision_maker', reasons: ['Not the decision maker', 'Researching for their manager', 'No buying authority'] },
  no_pain: { code: 'no_pain', reasons: ['Happy with current process', 'No real problem to solve today'], recycleAfterDays: 90 },
  no_budget: { code: 'no_budget', reasons: ['No budget this year', 'Budget frozen until next fiscal year'], recycleAfterDays: 180 },
  bad_timing: { code: 'bad_timing', reasons: ['Ask again next quarter', 'In the middle of a reorganisation', 'Busy with a CRM migration'], recycleAfterDays: 90 },
  chose_competitor: { code: 'chose_competitor', reasons: ['Went with a competitor', 'Signed with Funnelwright', 'Chose Quotaloom on price'], recycleAfterDays: 365 },
  student_or_job_seeker: { code: 'student_or_job_seeker', reasons: ['Student doing research', 'Looking for a job, not a product'] },
  bad_data: { code: 'bad_data', reasons: ['Phone number does not work', 'Fake details', 'Cannot reach, contact details wrong'] },
  already_customer: { code: 'already_customer', reasons: ['Already a customer — passed to account management', 'Existing customer asking for support'] },
  duplicate: { code: 'duplicate', reasons: ['Duplicate of a lead already being worked'] },
} as const satisfies Record<string, DemoDisposition>;

export type DemoDispositionCode = keyof typeof demoDispositions;

/** Codes whose lead goes back to nurture with a date rather than being disqualified. */
export const recyclingDispositionCodes: readonly DemoDispositionCode[] = ['no_pain', 'no_budget', 'bad_timing', 'chose_competitor'];
