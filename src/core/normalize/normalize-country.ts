import { countryAliases } from './country-aliases.ts';
import { alpha2ByAlpha3, countryCodes } from './country-codes.ts';
import { foldAccents } from './fold-text.ts';

// Besides English, the names of every country in these languages and in the main language of the
// country itself ("Schweiz", "Россия", "日本"), so forms filled in the lead's own language match.
const extraNameLanguages = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ru', 'tr', 'ja', 'zh', 'ko', 'ar'];

// Values forms use for "not given": refused before matching, or "N.A." would read as Namibia.
const placeholders = new Set(['n/a', 'n.a.', 'n.a', 'n / a', 'none', 'unknown', 'other', 'null', 'not specified', '-', '--']);

let countryByKey: Map<string, string> | null = null;

/**
 * The ISO 3166-1 alpha-2 code (uppercase) of a country written as an alpha-2 or alpha-3 code, an
 * English name, a common alias or its local name ("usa", "U.K.", "Deutschland", "Korea, Republic
 * of", "Côte d'Ivoire" …), ignoring case, accents, punctuation and spacing. Null when the text
 * names no country we know — the caller keeps the raw text; this never guesses.
 */
export function normalizeCountry(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || placeholders.has(trimmed.toLowerCase())) return null;
  const key = countryKey(trimmed);
  if (key === '') return null;
  countryByKey ??= buildCountryTable();
  return countryByKey.get(key) ?? null;
}

/** What two spellings of one country name have in common: "St. Kitts & Nevis" → "saint kitts and nevis". */
function countryKey(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/['’‘`´.]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== 'the')
    .map((word) => (word === 'st' ? 'saint' : word))
    .join(' ');
}

// Built on first use rather than at import: ~15 Intl.DisplayNames instances over ~250 codes,
// a few milliseconds that processes which never read a country need not pay.
function buildCountryTable(): Map<string, string> {
  const table = new Map<string, string>();
  const claim = (name: string | undefined, code: string) => {
    if (name === undefined) return;
    for (const variant of nameVariants(name)) {
      const key = countryKey(variant);
      if (key !== '' && !table.has(key)) table.set(key, code);
    }
  };
  for (const code of countryCodes) claim(code, code);
  for (const [alpha3, alpha2] of alpha2ByAlpha3) claim(alpha3, alpha2);
  const englishLong = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const englishShort = new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' });
  for (const code of countryCodes) {
    claim(englishLong.of(code), code);
    claim(englishShort.of(code), code);
  }
  for (const [code, aliases] of Object.entries(countryAliases)) {
    for (const alias of aliases) claim(alias, code);
  }
  for (const [key, code] of foreignNameKeys()) {
    if (!table.has(key)) table.set(key, code);
  }
  return table;
}

/** "Myanmar (Burma)" is also written "Myanmar"; "Congo - Kinshasa" stays as is. */
function nameVariants(name: string): string[] {
  const withoutAside = name.replace(/\s*\([^)]*\)/gu, '').trim();
  return withoutAside !== name && withoutAside !== '' ? [name, withoutAside] : [name];
}

/** Local-language names that point at exactly one country; a name two countries share is dropped. */
function foreignNameKeys(): Map<string, string> {
  const codesByKey = new Map<string, Set<string>>();
  const displayNamesByLanguage = new Map<string, Intl.DisplayNames>();
  const namesIn = (language: string) => {
    let displayNames = displayNamesByLanguage.get(language);
    if (!displayNames) {
      displayNames = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      displayNamesByLanguage.set(language, displayNames);
    }
    return displayNames;
  };
  for (const code of countryCodes) {
    const localLanguage = new Intl.Locale(`und-${code}`).maximize().language;
    const languages = localLanguage === 'und' ? extraNameLanguages : [localLanguage, ...extraNameLanguages];
    for (const language of languages) {
      const name = namesIn(language).of(code);
      if (name === undefined) continue;
      for (const variant of nameVariants(name)) {
        const key = countryKey(variant);
        if (key === '') continue;
        const codes = codesByKey.get(key) ?? new Set<string>();
        codes.add(code);
        codesByKey.set(key, codes);
      }
    }
  }
  const unique = new Map<string, string>();
  for (const [key, codes] of codesByKey) {
    const [only] = codes;
    if (codes.size === 1 && only !== undefined) unique.set(key, only);
  }
  return unique;
}
