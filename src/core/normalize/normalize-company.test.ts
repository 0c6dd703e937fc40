import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from './normalize-company.ts';

const key = (raw: string) => normalizeCompanyName(raw).matchKey;

describe('normalizeCompanyName', () => {
  it('keeps the display form, trimmed with spacing collapsed', () => {
    expect(normalizeCompanyName('  Acme \t Holdings,   Inc. ')).toEqual({ display: 'Acme Holdings, Inc.', matchKey: 'acme holdings' });
  });

  it('removes trailing legal forms, repeatedly', () => {
    const cases: [string, string][] = [
      ['Acme Inc', 'acme'],
      ['Acme, Inc.', 'acme'],
      ['Acme Incorporated', 'acme'],
      ['Acme LLC', 'acme'],
      ['Acme L.L.C.', 'acme'],
      ['Acme Ltd', 'acme'],
      ['Acme Limited', 'acme'],
      ['Acme Corp.', 'acme'],
      ['Acme Corporation', 'acme'],
      ['Acme Co.', 'acme'],
      ['Acme Company', 'acme'],
      ['Acme Co., Ltd.', 'acme'],
      ['Acme GmbH', 'acme'],
      ['Acme GmbH & Co. KG', 'acme'],
      ['Acme AG', 'acme'],
      ['Acme SE', 'acme'],
      ['Acme S.A.', 'acme'],
      ['Acme SA', 'acme'],
      ['Acme S.A.S.', 'acme'],
      ['Acme SAS', 'acme'],
      ['Acme SARL', 'acme'],
      ['Acme S.r.l.', 'acme'],
      ['Acme S.p.A.', 'acme'],
      ['Acme BV', 'acme'],
      ['Acme B.V.', 'acme'],
      ['Acme N.V.', 'acme'],
      ['Acme PLC', 'acme'],
      ['Acme Pty Ltd', 'acme'],
      ['Acme Pty. Ltd.', 'acme'],
      ['Acme Oy', 'acme'],
      ['Acme AB', 'acme'],
      ['Acme AB (publ)', 'acme'],
      ['Acme AS', 'acme'],
      ['Acme A/S', 'acme'],
      ['Acme KK', 'acme'],
      ['Acme Kft.', 'acme'],
      ['Acme Sp. z o.o.', 'acme'],
      ['Acme S.A. de C.V.', 'acme'],
      ['Acme Sdn. Bhd.', 'acme'],
      ['Acme Pvt. Ltd.', 'acme'],
      ['Acme Holdings, Inc.', 'acme holdings'],
      ['Smith & Co.', 'smith'],
      ['Acme LLC Inc', 'acme'],
    ];
    for (const [raw, expected] of cases) expect(key(raw), raw).toBe(expected);
  });

  it('folds case, accents and punctuation so spellings of one company match', () => {
    expect(key('Société Générale S.A.')).toBe('societe generale');
    expect(key('SOCIETE GENERALE')).toBe('societe generale');
    expect(key('Procter & Gamble Co.')).toBe(key('Procter and Gamble Company'));
    expect(key("McDonald's Corporation")).toBe('mcdonalds');
    expect(key('Yahoo!')).toBe('yahoo');
    expect(key('Müller-Lüdenscheidt GmbH')).toBe('muller ludenscheidt');
    expect(key('トヨタ自動車株式会社')).toBe('トヨタ自動車株式会社');
  });

  it('never removes a legal form from inside a name or down to nothing', () => {
    expect(key('Company')).toBe('company');
    expect(key('Co Inc')).toBe('co');
    expect(key('AB Volvo')).toBe('ab volvo');
    expect(key('Inc Magazine')).toBe('inc magazine');
    expect(key('The Limited Edition Co')).toBe('the limited edition');
    expect(key('   ')).toBe('');
  });
});
