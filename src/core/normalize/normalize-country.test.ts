import { describe, expect, it } from 'vitest';
import { alpha2ByAlpha3, countryCodes } from './country-codes.ts';
import { normalizeCountry } from './normalize-country.ts';

describe('normalizeCountry', () => {
  it('knows every ISO alpha-2 and alpha-3 code, in any case', () => {
    expect(countryCodes.length).toBe(250);
    expect(new Set(countryCodes).size).toBe(250);
    for (const code of countryCodes) {
      expect(normalizeCountry(code), code).toBe(code);
      expect(normalizeCountry(code.toLowerCase()), code).toBe(code);
    }
    for (const [alpha3, alpha2] of alpha2ByAlpha3) {
      expect(normalizeCountry(alpha3), alpha3).toBe(alpha2);
      expect(normalizeCountry(` ${alpha3.toLowerCase()} `), alpha3).toBe(alpha2);
    }
  });

  it('reads English names ignoring case, accents, punctuation and spacing', () => {
    const cases: [string, string][] = [
      ['Germany', 'DE'],
      ['  united   STATES ', 'US'],
      ['United Kingdom', 'GB'],
      ['Côte d’Ivoire', 'CI'],
      ["Cote d'Ivoire", 'CI'],
      ['cote divoire', 'CI'],
      ['Bosnia & Herzegovina', 'BA'],
      ['Bosnia and Herzegovina', 'BA'],
      ['St. Kitts & Nevis', 'KN'],
      ['Saint Kitts and Nevis', 'KN'],
      ['Saint Vincent and the Grenadines', 'VC'],
      ['Guinea-Bissau', 'GW'],
      ['guinea bissau', 'GW'],
      ['Myanmar', 'MM'],
      ['Hong Kong', 'HK'],
      ['Hong Kong SAR China', 'HK'],
      ['Réunion', 'RE'],
      ['Åland Islands', 'AX'],
      ['Timor-Leste', 'TL'],
      ['Congo - Kinshasa', 'CD'],
      ['Czechia', 'CZ'],
      ['The Netherlands', 'NL'],
      ['the bahamas', 'BS'],
      ['Vatican City', 'VA'],
      ['South Africa', 'ZA'],
      ['New Zealand', 'NZ'],
      ['Niger', 'NE'],
      ['Nigeria', 'NG'],
      ['Dominica', 'DM'],
      ['Dominican Republic', 'DO'],
      ['Samoa', 'WS'],
      ['American Samoa', 'AS'],
      ['South Sudan', 'SS'],
      ['Sudan', 'SD'],
      ['Northern Ireland', 'GB'],
      ['Ireland', 'IE'],
      ['Guinea', 'GN'],
      ['Equatorial Guinea', 'GQ'],
      ['Papua New Guinea', 'PG'],
    ];
    for (const [raw, code] of cases) expect(normalizeCountry(raw), raw).toBe(code);
  });

  it('reads aliases, formal ISO names and local names', () => {
    const cases: [string, string][] = [
      ['USA', 'US'],
      ['U.S.', 'US'],
      ['U.S.A.', 'US'],
      ['United States of America', 'US'],
      ['UK', 'GB'],
      ['U.K.', 'GB'],
      ['Great Britain', 'GB'],
      ['England', 'GB'],
      ['Scotland', 'GB'],
      ['Deutschland', 'DE'],
      ['Holland', 'NL'],
      ['Nederland', 'NL'],
      ['Schweiz', 'CH'],
      ['Suisse', 'CH'],
      ['Svizzera', 'CH'],
      ['España', 'ES'],
      ['Espana', 'ES'],
      ['Россия', 'RU'],
      ['Russian Federation', 'RU'],
      ['Korea, Republic of', 'KR'],
      ['South Korea', 'KR'],
      ["Korea, Democratic People's Republic of", 'KP'],
      ['UAE', 'AE'],
      ['U.A.E.', 'AE'],
      ['Österreich', 'AT'],
      ['Oesterreich', 'AT'],
      ['Italia', 'IT'],
      ['Brasil', 'BR'],
      ['México', 'MX'],
      ['Polska', 'PL'],
      ['Sverige', 'SE'],
      ['Belgique', 'BE'],
      ['België', 'BE'],
      ['日本', 'JP'],
      ['中国', 'CN'],
      ['Turkey', 'TR'],
      ['Türkiye', 'TR'],
      ['Ivory Coast', 'CI'],
      ['Viet Nam', 'VN'],
      ['Iran, Islamic Republic of', 'IR'],
      ['Taiwan, Province of China', 'TW'],
      ['Czech Republic', 'CZ'],
      ['Macedonia', 'MK'],
      ['Burma', 'MM'],
      ['Swaziland', 'SZ'],
      ['DRC', 'CD'],
      ['Democratic Republic of the Congo', 'CD'],
      ['Republic of the Congo', 'CG'],
      ['Tanzania, United Republic of', 'TZ'],
      ['Bolivia, Plurinational State of', 'BO'],
      ['Holy See', 'VA'],
      ['Kosovo', 'XK'],
      ['Frankreich', 'FR'],
      ['Allemagne', 'DE'],
      ['Alemania', 'DE'],
      ['Suecia', 'SE'],
      ['Niederlande', 'NL'],
      ['Indien', 'IN'],
    ];
    for (const [raw, code] of cases) expect(normalizeCountry(raw), raw).toBe(code);
  });

  it('returns null for what is not a country', () => {
    for (const raw of ['', '   ', 'n/a', 'N.A.', 'Unknown', 'Other', '-', 'Europe', 'EU', 'European Union', 'UN', 'ZZ', 'Atlantis', 'California', 'XX', 'Earth', 'QO', 'SU', 'YU', 'DD']) {
      expect(normalizeCountry(raw), raw).toBeNull();
    }
  });

  it('is idempotent: the code it returns reads back as itself', () => {
    for (const raw of ['U.S.', 'Deutschland', 'Россия', 'Korea, Republic of', 'Côte d’Ivoire']) {
      const code = normalizeCountry(raw);
      expect(code).not.toBeNull();
      expect(normalizeCountry(code ?? '')).toBe(code);
    }
  });
});
