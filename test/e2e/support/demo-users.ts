/** The demo people the browser tests sign in as (see src/core/demo/generate-demo-staff.ts). */
export const e2eUsers = {
  rep: { email: 'robin@demo.leadpact.dev', role: 'sales_rep' },
  admin: { email: 'admin@demo.leadpact.dev', role: 'admin' },
  marketing: { email: 'morgan@demo.leadpact.dev', role: 'marketing' },
  salesManager: { email: 'sam@demo.leadpact.dev', role: 'sales_manager' },
} as const;

export type E2eUserKey = keyof typeof e2eUsers;

/** The password the global setup gives every user in e2eUsers (throw-away database, never a real one). */
export const e2ePassword = 'e2e-only-correct-horse-battery';
