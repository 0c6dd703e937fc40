import type { JunkRule } from '../pact/pact-schema.ts';

/**
 * The junk rules a new pact starts with. Each is a plain pact rule, so teams edit or remove them
 * like any other. Free mail is deliberately not junk by default — consumers and small businesses
 * write from Gmail — a pact that sells only to larger companies can add:
 *
 * ```ts
 * { code: 'free_mail', reason: 'free-mail address, no company domain', whenAny: [{ field: 'email.kind', op: 'eq', value: 'free' }] }
 * ```
 */
export const defaultJunkRules: readonly JunkRule[] = [
  {
    code: 'disposable_mail',
    reason: 'disposable e-mail address: nobody can follow up',
    whenAny: [{ field: 'email.kind', op: 'in', value: ['disposable'] }],
  },
  {
    code: 'student_or_job_seeker',
    reason: 'student or job seeker, not a buyer',
    whenAny: [
      // A title that is a student ("Student", "MBA Student", "Student at TU Berlin"), not one that
      // works with students ("Student Success Manager" at a university is a buyer).
      {
        field: 'lead.title',
        op: 'matches',
        value: String.raw`^\s*(?:\S+\s+){0,4}(?:student|studentin|estudiante|etudiant|étudiant)\s*$|^\s*student\s+(?:at|of|in)\b|\bundergrad(?:uate)?\s*$`,
      },
      {
        field: 'lead.title',
        op: 'contains_any',
        value: [
          'job seeker', 'jobseeker', 'looking for work', 'looking for a job', 'looking for opportunities', 'seeking employment',
          'seeking new opportunities', 'open to work', 'unemployed', 'between jobs',
        ],
      },
    ],
  },
  {
    code: 'test_or_fake_name',
    reason: 'test entry or keyboard-mash name',
    whenAny: [
      { field: 'name.test', op: 'eq', value: true },
      { field: 'name.keyboard_mash', op: 'eq', value: true },
    ],
  },
  {
    code: 'invalid_phone',
    reason: 'phone number is impossible',
    whenAny: [{ field: 'phone.valid', op: 'eq', value: false }],
  },
];
