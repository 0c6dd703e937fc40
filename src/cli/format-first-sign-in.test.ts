import { describe, expect, it } from 'vitest';
import { formatFirstSignIn } from './format-first-sign-in.ts';

describe('first-start message', () => {
  it('names the demo users by role and says the password is shared and shown once', () => {
    const text = formatFirstSignIn({ demo: true, password: 'abcde-fghjk-mnpqr-stuvw', accounts: [{ email: 'admin@demo.leadpact.dev', role: 'admin' }, { email: 'robin@demo.leadpact.dev', role: 'sales_rep' }] }, 'http://localhost:3000');
    expect(text).toMatch(/DEMO organisation/);
    expect(text).toMatch(/admin@demo\.leadpact\.dev\s+\(admin\)/);
    expect(text).toMatch(/robin@demo\.leadpact\.dev\s+\(sales rep\)/);
    expect(text).toContain('abcde-fghjk-mnpqr-stuvw');
    expect(text).toMatch(/every demo user has it/);
    expect(text).toMatch(/only this once/);
  });

  it('gives the bootstrap admin and how to change the password', () => {
    const text = formatFirstSignIn({ demo: false, password: 'abcde-fghjk-mnpqr-stuvw', accounts: [{ email: 'admin@localhost', role: 'admin' }] }, 'http://127.0.0.1:3000');
    expect(text).toMatch(/First start: sign in as\n\s+admin@localhost\s+\(admin\)/);
    expect(text).toContain('POST http://127.0.0.1:3000/api/auth/sign-in');
    expect(text).toContain('leadpact user password EMAIL');
  });
});
