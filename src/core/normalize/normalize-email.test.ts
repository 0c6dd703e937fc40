import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './normalize-email.ts';

function reasonFor(raw: string): string {
  const result = normalizeEmail(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return result.reason;
}

describe('normalizeEmail', () => {
  it('trims and lowercases the whole address', () => {
    expect(normalizeEmail('  Jane.Doe@Acme.COM\t')).toEqual({ ok: true, email: 'jane.doe@acme.com', domain: 'acme.com', matchKey: 'jane.doe@acme.com' });
  });

  it('removes a +tag from the match key for every domain, keeping it in the address', () => {
    const result = normalizeEmail('jane+newsletter@acme.io');
    expect(result).toMatchObject({ ok: true, email: 'jane+newsletter@acme.io', matchKey: 'jane@acme.io' });
  });

  it('keeps a mailbox that starts with "+" whole', () => {
    expect(normalizeEmail('+jane@acme.io')).toMatchObject({ ok: true, matchKey: '+jane@acme.io' });
    expect(normalizeEmail('+jane+x@acme.io')).toMatchObject({ ok: true, matchKey: '+jane@acme.io' });
  });

  it('drops dots and reads googlemail.com as gmail.com for Gmail only', () => {
    expect(normalizeEmail('J.a.n.e+work@googlemail.com')).toMatchObject({ ok: true, email: 'j.a.n.e+work@googlemail.com', domain: 'googlemail.com', matchKey: 'jane@gmail.com' });
    expect(normalizeEmail('jane.doe@gmail.com')).toMatchObject({ matchKey: 'janedoe@gmail.com' });
    expect(normalizeEmail('jane.doe@acme.com')).toMatchObject({ matchKey: 'jane.doe@acme.com' });
    expect(normalizeEmail('jane.doe@mail.gmail.com.au')).toMatchObject({ matchKey: 'jane.doe@mail.gmail.com.au' });
  });

  it('accepts real-world addresses', () => {
    for (const address of [
      'a@b.co',
      "o'brien@example.ie",
      'first_last-2@sub.domain.co.uk',
      'user%tag@acme.com',
      'jörg.müller@bücher.de',
      'x@xn--bcher-kva.de',
      'a'.repeat(64) + '@acme.com',
    ]) {
      expect(normalizeEmail(address).ok, address).toBe(true);
    }
  });

  it('says what is wrong with an address it refuses', () => {
    expect(reasonFor('')).toBe('is empty');
    expect(reasonFor('   ')).toBe('is empty');
    expect(reasonFor('jane.acme.com')).toBe('missing @');
    expect(reasonFor('jane@@acme.com')).toBe('has more than one @');
    expect(reasonFor('jane@doe@acme.com')).toBe('has more than one @');
    expect(reasonFor('@acme.com')).toBe('nothing before the @');
    expect(reasonFor('jane@')).toBe('nothing after the @');
    expect(reasonFor('jane@localhost')).toBe('domain has no dot');
    expect(reasonFor('jane doe@acme.com')).toBe('contains spaces');
    expect(reasonFor('a'.repeat(65) + '@acme.com')).toBe('the part before the @ is longer than 64 characters');
    expect(reasonFor('.jane@acme.com')).toBe('the part before the @ has a misplaced dot');
    expect(reasonFor('jane..doe@acme.com')).toBe('the part before the @ has a misplaced dot');
    expect(reasonFor('jane(doe)@acme.com')).toBe('the part before the @ has characters that are not allowed');
    expect(reasonFor('"jane"@acme.com')).toBe('the part before the @ has characters that are not allowed');
    expect(reasonFor('jane@acme..com')).toMatch(/empty part/);
    expect(reasonFor('jane@acme.com.')).toMatch(/empty part/);
    expect(reasonFor('jane@-acme.com')).toMatch(/hyphen/);
    expect(reasonFor('jane@acme_corp.com')).toMatch(/not allowed/);
    expect(reasonFor('jane@acme.c')).toMatch(/ending ".c" is not valid/);
    expect(reasonFor('jane@10.0.0.1')).toMatch(/ending ".1" is not valid/);
    expect(reasonFor('jane@[10.0.0.1]')).toMatch(/not allowed/);
  });
});
