import { describe, expect, it } from 'vitest';
import { passwordIssues } from '../../core/identity/password-rules.ts';
import { generatePassword, hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password-hash.ts';

describe('password hashing (scrypt)', () => {
  it('stores its parameters and a fresh salt, verifies the right password only', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(first).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('verifies hashes made with older parameters and says they need a re-hash', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const hash = scryptSync('an older password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `scrypt$ln=14,r=8,p=1$${salt.toString('base64url')}$${hash.toString('base64url')}`;
    expect(await verifyPassword('an older password', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(await hashPassword('a current password'))).toBe(false);
  });

  it('never matches a malformed stored value; the decoy check always fails', async () => {
    expect(await verifyPassword('anything at all', 'plain text')).toBe(false);
    expect(await verifyPassword('anything at all', 'scrypt$ln=99,r=8,p=1$AAAA$AAAA')).toBe(false);
    expect(await verifyAgainstDecoy('anything at all')).toBe(false);
  });

  it('generates passwords that meet the rules and differ every time', () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    expect(new Set(passwords).size).toBe(50);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      expect(passwordIssues(password)).toEqual([]);
    }
  });
});
