import { describe, expect, it } from 'vitest';
import { classifyEmail, disposableMailDomains, freeMailDomains, roleLocalParts } from './email-kind.ts';
import { domainProblem } from './normalize-domain.ts';

describe('built-in mail lists', () => {
  it('are real lists of valid, lowercase, non-overlapping domains', () => {
    expect(freeMailDomains.size).toBeGreaterThanOrEqual(80);
    expect(disposableMailDomains.size).toBeGreaterThanOrEqual(150);
    for (const domain of [...freeMailDomains, ...disposableMailDomains]) {
      expect(domainProblem(domain), domain).toBeNull();
      expect(domain, domain).toBe(domain.toLowerCase());
    }
    for (const domain of freeMailDomains) expect(disposableMailDomains.has(domain), domain).toBe(false);
    for (const provider of ['gmail.com', 'yahoo.co.jp', 'outlook.com', 'hotmail.fr', 'live.com', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'gmx.de', 'web.de', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com', 'naver.com', 'rediffmail.com', 'zoho.com']) {
      expect(freeMailDomains.has(provider), provider).toBe(true);
    }
    for (const provider of ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'temp-mail.org', 'yopmail.com', 'trashmail.com']) {
      expect(disposableMailDomains.has(provider), provider).toBe(true);
    }
    for (const mailbox of ['info', 'sales', 'admin', 'support', 'contact', 'hello', 'office', 'marketing', 'noreply']) {
      expect(roleLocalParts.has(mailbox), mailbox).toBe(true);
    }
  });
});

describe('classifyEmail', () => {
  it('classifies each kind', () => {
    expect(classifyEmail(null)).toBe('missing');
    expect(classifyEmail('')).toBe('missing');
    expect(classifyEmail('jane@acme.com')).toBe('business');
    expect(classifyEmail('jane@gmail.com')).toBe('free');
    expect(classifyEmail('jane@yahoo.co.uk')).toBe('free');
    expect(classifyEmail('jane@mailinator.com')).toBe('disposable');
    expect(classifyEmail('info@acme.com')).toBe('role');
    expect(classifyEmail('sales+web@acme.com')).toBe('role');
    expect(classifyEmail('INFO@ACME.COM')).toBe('role');
  });

  it('ranks disposable over free over role over business', () => {
    expect(classifyEmail('info@mailinator.com')).toBe('disposable');
    expect(classifyEmail('info@gmail.com')).toBe('free');
    expect(classifyEmail('info@acme.com')).toBe('role');
  });

  it('counts subdomains of listed domains, not lookalikes', () => {
    expect(classifyEmail('jane@eu.mailinator.com')).toBe('disposable');
    expect(classifyEmail('jane@mx.gmx.de')).toBe('free');
    expect(classifyEmail('jane@notgmail.com')).toBe('business');
    expect(classifyEmail('jane@gmail.com.acme.io')).toBe('business');
  });

  it('adds the pact’s extra free-mail domains, with their subdomains', () => {
    expect(classifyEmail('jane@orange.example', ['Orange.Example'])).toBe('free');
    expect(classifyEmail('jane@mx.orange.example', ['orange.example'])).toBe('free');
    expect(classifyEmail('jane@orange.example')).toBe('business');
    expect(classifyEmail('jane@mailinator.com', ['mailinator.com'])).toBe('disposable');
  });
});
