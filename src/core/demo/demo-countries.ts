import type { NameCulture } from './demo-person-names.ts';

/**
 * The countries demo leads and accounts come from, with how often, how people write the country in
 * a form, where they work (a rough UTC offset — no daylight saving, the demo only needs "office
 * hours, roughly") and which names they carry.
 */
export interface DemoCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
  /** Relative share of accounts and leads. */
  weight: number;
  /** What people type in the country field, with relative frequency. */
  writtenAs: readonly (readonly [string, number])[];
  /** Offsets in hours from UTC of the country's business centres, with relative weight. */
  utcOffsets: readonly (readonly [number, number])[];
  /** Top-level domain of a local company; some use .com anyway. */
  companyTld: string;
  /** Suffixes local companies put after their name ("GmbH", "Ltd"). */
  legalSuffixes: readonly string[];
  nameCultures: readonly (readonly [NameCulture, number])[];
  /** A local free-mail provider besides the global ones, if common. */
  localFreeMail: readonly string[];
  /** The pact's ideal-customer markets score higher. */
  marketFit: number;
}

export const demoCountries: readonly DemoCountry[] = [
  {
    code: 'US', name: 'United States', weight: 40,
    writtenAs: [['United States', 4], ['US', 3], ['USA', 3], ['United States of America', 1], ['us', 1], ['U.S.', 1]],
    utcOffsets: [[-5, 5], [-6, 3], [-7, 1], [-8, 3]],
    companyTld: 'com', legalSuffixes: ['Inc.', 'LLC', 'Corp.', 'Inc'],
    nameCultures: [['anglo', 50], ['hispanic', 14], ['indian', 8], ['chinese', 6], ['west_african', 5], ['korean', 3], ['vietnamese', 3], ['arabic', 3], ['slavic', 3], ['italian', 3], ['german', 2]],
    localFreeMail: ['aol.com', 'comcast.net'], marketFit: 1,
  },
  {
    code: 'GB', name: 'United Kingdom', weight: 10,
    writtenAs: [['United Kingdom', 5], ['UK', 4], ['GB', 1], ['Great Britain', 1], ['England', 1], ['uk', 1]],
    utcOffsets: [[0, 1]],
    companyTld: 'co.uk', legalSuffixes: ['Ltd', 'Ltd.', 'Limited', 'plc'],
    nameCultures: [['anglo', 70], ['indian', 10], ['west_african', 5], ['slavic', 4], ['arabic', 3], ['chinese', 3], ['italian', 2]],
    localFreeMail: ['yahoo.co.uk', 'hotmail.co.uk', 'btinternet.com'], marketFit: 1,
  },
  {
    code: 'DE', name: 'Germany', weight: 8,
    writtenAs: [['Germany', 5], ['Deutschland', 3], ['DE', 2], ['de', 1]],
    utcOffsets: [[1, 1]],
    companyTld: 'de', legalSuffixes: ['GmbH', 'AG', 'GmbH & Co. KG', 'SE'],
    nameCultures: [['german', 72], ['turkish', 10], ['slavic', 6], ['italian', 4], ['arabic', 4], ['anglo', 4]],
    localFreeMail: ['gmx.de', 'web.de', 't-online.de'], marketFit: 0.8,
  },
  {
    code: 'CA', name: 'Canada', weight: 6,
    writtenAs: [['Canada', 8], ['CA', 2], ['ca', 1]],
    utcOffsets: [[-5, 6], [-8, 2], [-7, 2]],
    companyTld: 'ca', legalSuffixes: ['Inc.', 'Ltd.', 'Corp.'],
    nameCultures: [['anglo', 50], ['french', 20], ['chinese', 10], ['indian', 10], ['italian', 4], ['arabic', 3], ['slavic', 3]],
    localFreeMail: ['yahoo.ca', 'sympatico.ca'], marketFit: 1,
  },
  {
    code: 'FR', name: 'France', weight: 5,
    writtenAs: [['France', 9], ['FR', 2], ['fr', 1]],
    utcOffsets: [[1, 1]],
    companyTld: 'fr', legalSuffixes: ['SAS', 'SA', 'SARL'],
    nameCultures: [['french', 76], ['arabic', 12], ['west_african', 6], ['portuguese', 3], ['italian', 3]],
    localFreeMail: ['orange.fr', 'free.fr', 'laposte.net'], marketFit: 0.8,
  },
  {
    code: 'NL', name: 'Netherlands', weight: 4,
    writtenAs: [['Netherlands', 5], ['The Netherlands', 3], ['Nederland', 2], ['Holland', 1], ['NL', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'nl', legalSuffixes: ['B.V.', 'BV', 'N.V.'],
    nameCultures: [['dutch', 76], ['turkish', 8], ['arabic', 7], ['anglo', 5], ['indian', 4]],
    localFreeMail: ['ziggo.nl', 'kpnmail.nl'], marketFit: 0.8,
  },
  {
    code: 'AU', name: 'Australia', weight: 4,
    writtenAs: [['Australia', 9], ['AU', 2], ['AUS', 1]],
    utcOffsets: [[10, 3], [8, 1]],
    companyTld: 'com.au', legalSuffixes: ['Pty Ltd', 'Pty. Ltd.', 'Ltd'],
    nameCultures: [['anglo', 70], ['chinese', 10], ['indian', 8], ['vietnamese', 4], ['italian', 4], ['hispanic', 2], ['korean', 2]],
    localFreeMail: ['bigpond.com'], marketFit: 0.8,
  },
  {
    code: 'SE', name: 'Sweden', weight: 3,
    writtenAs: [['Sweden', 7], ['Sverige', 2], ['SE', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'se', legalSuffixes: ['AB'],
    nameCultures: [['nordic', 82], ['arabic', 8], ['slavic', 5], ['anglo', 5]],
    localFreeMail: [], marketFit: 0.8,
  },
  {
    code: 'IN', name: 'India', weight: 4,
    writtenAs: [['India', 10], ['IN', 2], ['Bharat', 1]],
    utcOffsets: [[5.5, 1]],
    companyTld: 'in', legalSuffixes: ['Pvt. Ltd.', 'Private Limited', 'Ltd.'],
    nameCultures: [['indian', 1]],
    localFreeMail: ['rediffmail.com', 'yahoo.co.in'], marketFit: 0.5,
  },
  {
    code: 'BR', name: 'Brazil', weight: 3,
    writtenAs: [['Brazil', 6], ['Brasil', 4], ['BR', 2]],
    utcOffsets: [[-3, 1]],
    companyTld: 'com.br', legalSuffixes: ['Ltda.', 'S.A.'],
    nameCultures: [['portuguese', 90], ['italian', 5], ['japanese', 3], ['arabic', 2]],
    localFreeMail: ['uol.com.br', 'bol.com.br'], marketFit: 0.5,
  },
  {
    code: 'ES', name: 'Spain', weight: 3,
    writtenAs: [['Spain', 6], ['España', 4], ['ES', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'es', legalSuffixes: ['S.L.', 'S.A.'],
    nameCultures: [['hispanic', 90], ['arabic', 5], ['slavic', 5]],
    localFreeMail: ['telefonica.net'], marketFit: 0.6,
  },
  {
    code: 'IE', name: 'Ireland', weight: 2,
    writtenAs: [['Ireland', 9], ['IE', 2], ['Éire', 1]],
    utcOffsets: [[0, 1]],
    companyTld: 'ie', legalSuffixes: ['Ltd', 'DAC', 'Limited'],
    nameCultures: [['anglo', 85], ['slavic', 8], ['indian', 4], ['hispanic', 3]],
    localFreeMail: ['eircom.net'], marketFit: 0.8,
  },
  {
    code: 'CH', name: 'Switzerland', weight: 2,
    writtenAs: [['Switzerland', 6], ['Schweiz', 2], ['Suisse', 1], ['CH', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'ch', legalSuffixes: ['AG', 'SA', 'GmbH'],
    nameCultures: [['german', 60], ['french', 22], ['italian', 13], ['slavic', 5]],
    localFreeMail: ['bluewin.ch'], marketFit: 0.8,
  },
  {
    code: 'JP', name: 'Japan', weight: 2,
    writtenAs: [['Japan', 9], ['JP', 2], ['Nippon', 1]],
    utcOffsets: [[9, 1]],
    companyTld: 'co.jp', legalSuffixes: ['K.K.', 'Co., Ltd.'],
    nameCultures: [['japanese', 1]],
    localFreeMail: ['yahoo.co.jp'], marketFit: 0.5,
  },
  {
    code: 'SG', name: 'Singapore', weight: 2,
    writtenAs: [['Singapore', 9], ['SG', 2]],
    utcOffsets: [[8, 1]],
    companyTld: 'com.sg', legalSuffixes: ['Pte. Ltd.', 'Pte Ltd'],
    nameCultures: [['chinese', 72], ['indian', 16], ['anglo', 6], ['vietnamese', 6]],
    localFreeMail: [], marketFit: 0.6,
  },
  {
    code: 'IT', name: 'Italy', weight: 2,
    writtenAs: [['Italy', 6], ['Italia', 4], ['IT', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'it', legalSuffixes: ['S.r.l.', 'S.p.A.'],
    nameCultures: [['italian', 90], ['arabic', 5], ['slavic', 5]],
    localFreeMail: ['libero.it', 'virgilio.it'], marketFit: 0.6,
  },
  {
    code: 'DK', name: 'Denmark', weight: 1,
    writtenAs: [['Denmark', 7], ['Danmark', 2], ['DK', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'dk', legalSuffixes: ['A/S', 'ApS'],
    nameCultures: [['nordic', 90], ['arabic', 5], ['slavic', 5]],
    localFreeMail: [], marketFit: 0.8,
  },
  {
    code: 'NO', name: 'Norway', weight: 1,
    writtenAs: [['Norway', 7], ['Norge', 2], ['NO', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'no', legalSuffixes: ['AS', 'ASA'],
    nameCultures: [['nordic', 90], ['slavic', 6], ['arabic', 4]],
    localFreeMail: [], marketFit: 0.8,
  },
  {
    code: 'PL', name: 'Poland', weight: 1,
    writtenAs: [['Poland', 6], ['Polska', 3], ['PL', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'pl', legalSuffixes: ['Sp. z o.o.', 'S.A.'],
    nameCultures: [['slavic', 1]],
    localFreeMail: ['wp.pl', 'onet.pl'], marketFit: 0.6,
  },
  {
    code: 'MX', name: 'Mexico', weight: 1,
    writtenAs: [['Mexico', 5], ['México', 4], ['MX', 2]],
    utcOffsets: [[-6, 1]],
    companyTld: 'com.mx', legalSuffixes: ['S.A. de C.V.'],
    nameCultures: [['hispanic', 1]],
    localFreeMail: ['prodigy.net.mx'], marketFit: 0.5,
  },
  {
    code: 'BE', name: 'Belgium', weight: 1,
    writtenAs: [['Belgium', 6], ['Belgique', 2], ['België', 2], ['BE', 2]],
    utcOffsets: [[1, 1]],
    companyTld: 'be', legalSuffixes: ['NV', 'BV', 'SA'],
    nameCultures: [['dutch', 50], ['french', 42], ['arabic', 8]],
    localFreeMail: ['skynet.be', 'telenet.be'], marketFit: 0.8,
  },
];

const countriesByCode = new Map(demoCountries.map((country) => [country.code, country]));

export function demoCountry(code: string): DemoCountry {
  const country = countriesByCode.get(code);
  if (country === undefined) throw new Error(`no demo country ${code}`);
  return country;
}

/** Country codes with their share, for weighted picks. */
export const demoCountryWeights: readonly (readonly [string, number])[] = demoCountries.map((country) => [country.code, country.weight]);
