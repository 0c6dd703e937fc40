import { describe, expect, it } from 'vitest';
import { passwordIssues } from './password-rules.ts';

describe('password rules', () => {
  it('wants at least 12 characters, counted as people see them', () => {
    expect(passwordIssues('elevenchars')).toEqual([{ path: 'password', message: 'must be at least 12 characters (got 11)' }]);
    expect(passwordIssues('twelve chars')).toEqual([]);
    expect(passwordIssues('🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toHaveLength(1);
    expect(passwordIssues('🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toEqual([]);
  });

  it('refuses blanks, very long ones and the user’s own e-mail, at the given path', () => {
    expect(passwordIssues(' '.repeat(12), { path: 'newPassword' })).toEqual([{ path: 'newPassword', message: 'must not be only spaces' }]);
    expect(passwordIssues('x'.repeat(257))[0]?.message).toMatch(/at most 256/);
    expect(passwordIssues('Robin@Example.com', { email: 'robin@example.com' })[0]?.message).toMatch(/e-mail/);
  });
});
