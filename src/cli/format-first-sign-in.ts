import type { FirstSignIn } from '../modules/identity/ensure-first-sign-in.ts';

const roleNames: Record<string, string> = { admin: 'admin', marketing: 'marketing', sales_manager: 'sales manager', sales_rep: 'sales rep', executive: 'executive' };

/**
 * What `leadpact serve` prints once on the first start: who to sign in as and the one-time password.
 * The only place a password is ever written out by the server (never to the log).
 */
export function formatFirstSignIn(firstSignIn: FirstSignIn, url: string): string {
  const width = Math.max(...firstSignIn.accounts.map((account) => account.email.length));
  const accounts = firstSignIn.accounts.map((account) => `    ${account.email.padEnd(width)}  (${roleNames[account.role] ?? account.role})`).join('\n');
  const howToSignIn = `POST ${url}/api/auth/sign-in with {"email","password"}; API reference at ${url}/docs`;
  if (firstSignIn.demo) {
    return [
      '',
      'This is the DEMO organisation, loaded for trying leadpact — not for real data. Sign in as',
      accounts,
      `  with the password   ${firstSignIn.password}   (every demo user has it).`,
      `  ${howToSignIn}.`,
      '  Shown only this once: `leadpact user password EMAIL` sets a new one.',
      '',
    ].join('\n');
  }
  return [
    '',
    'First start: sign in as',
    accounts,
    `  with the one-time password   ${firstSignIn.password}`,
    `  ${howToSignIn}.`,
    '  Shown only this once: change it with POST /api/auth/password, or set a new one with `leadpact user password EMAIL`.',
    '',
  ].join('\n');
}
