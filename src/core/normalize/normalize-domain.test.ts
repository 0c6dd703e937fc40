import { describe, expect, it } from 'vitest';
import { domainFromWebsite, domainProblem, isWithinDomain, registrableDomain } from './normalize-domain.ts';

describe('domainFromWebsite', () => {
  it('strips scheme, credentials, www, port, path, query and fragment', () => {
    const cases: [string, string][] = [
      ['acme.com', 'acme.com'],
      ['  ACME.com  ', 'acme.com'],
      ['www.acme.com', 'acme.com'],
      ['www2.acme.com', 'acme.com'],
      ['http://acme.com', 'acme.com'],
      ['https://www.Acme.com/', 'acme.com'],
      ['https://user:secret@www.acme.com:8443/about/us?ref=x#team', 'acme.com'],
      ['//acme.com/path', 'acme.com'],
      ['acme.com:8080', 'acme.com'],
      ['acme.com?utm_source=x', 'acme.com'],
      ['acme.com#contact', 'acme.com'],
      ['acme.com.', 'acme.com'],
      ['shop.acme.co.uk/en', 'shop.acme.co.uk'],
      ['bücher.de', 'bücher.de'],
      ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
      ['jane@acme.com', 'acme.com'],
    ];
    for (const [raw, domain] of cases) expect(domainFromWebsite(raw), raw).toBe(domain);
  });

  it('refuses what is not a domain', () => {
    for (const raw of ['', '   ', 'n/a', 'acme', 'localhost', 'http://localhost:3000', '192.168.0.1', 'https://10.0.0.1/x', 'acme .com', 'www.com', 'acme..com', '-acme.com', 'acme_corp.com', 'acme.c', 'none', 'http://']) {
      expect(domainFromWebsite(raw), raw).toBeNull();
    }
  });
});

describe('registrableDomain', () => {
  it('keeps the organisation part of a domain', () => {
    const cases: [string, string][] = [
      ['acme.com', 'acme.com'],
      ['eu.acme.com', 'acme.com'],
      ['a.b.c.acme.com', 'acme.com'],
      ['mail.acme.co.uk', 'acme.co.uk'],
      ['acme.co.uk', 'acme.co.uk'],
      ['shop.acme.com.au', 'acme.com.au'],
      ['www.acme.co.jp', 'acme.co.jp'],
      ['loja.acme.com.br', 'acme.com.br'],
      ['acme.co.in', 'acme.co.in'],
      ['x.acme.co.nz', 'acme.co.nz'],
      ['x.acme.co.za', 'acme.co.za'],
      ['x.acme.com.mx', 'acme.com.mx'],
      ['x.acme.com.cn', 'acme.com.cn'],
      ['service.gov.uk', 'service.gov.uk'],
      ['eu.acme.co', 'acme.co'],
      ['t.co', 't.co'],
      ['acme', 'acme'],
    ];
    for (const [domain, expected] of cases) expect(registrableDomain(domain), domain).toBe(expected);
  });
});

describe('domainProblem and isWithinDomain', () => {
  it('accepts host names and explains refusals', () => {
    expect(domainProblem('acme.com')).toBeNull();
    expect(domainProblem('acme')).toBe('domain has no dot');
    expect(domainProblem(`${'a'.repeat(64)}.com`)).toMatch(/longer than 63/);
    expect(domainProblem(`${'a.'.repeat(127)}com`)).toMatch(/longer than 253/);
  });

  it('treats subdomains as within their parent, never lookalikes', () => {
    expect(isWithinDomain('acme.com', 'acme.com')).toBe(true);
    expect(isWithinDomain('eu.acme.com', 'acme.com')).toBe(true);
    expect(isWithinDomain('notacme.com', 'acme.com')).toBe(false);
    expect(isWithinDomain('acme.com.evil.io', 'acme.com')).toBe(false);
  });
});
