import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** What a lead held about its person before erasure: the values to find and remove elsewhere. */
export interface PersonalFields {
  email: string | null;
  emailMatchKey: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  /** As stored: E.164 when it was valid, else the text as typed. */
  phone: string | null;
  city: string | null;
  state: string | null;
  externalId: string | null;
}

/**
 * Regular-expression sources that find a person's data in stored text, in three tiers:
 *
 * - `identifiers` name the person on their own: the e-mail in any spelling (case, `+tag`, Gmail
 *   dots, googlemail.com, `%40` for `@`), the phone in any formatting (digits with spaces, dots,
 *   dashes, parentheses or slashes between them, with or without the country code) and external
 *   ids of 8 characters or more. Portable: the same source works in JavaScript and as a
 *   PostgreSQL `~*` pattern, so the database can find the rows and this code can rewrite them.
 * - `names`: full names and last names, whole words only (JavaScript only).
 * - `details`: what identifies only next to the rest — first names, titles, city, state, short
 *   external ids — whole words (JavaScript only). Used only on rows known to be about the person.
 *
 * All are meant to be matched case-insensitively. Pure; values too short to be specific are left out.
 */
export interface PersonalDataPatterns {
  identifiers: string[];
  names: string[];
  details: string[];
}

const separator = '[-. ()/]*';
const emailTag = '(\\+[a-z0-9._%=-]*)?';
const minimumPhoneDigits = 7;
const minimumIdentifierIdLength = 8;

export function personalDataPatterns(people: readonly PersonalFields[]): PersonalDataPatterns {
  const identifiers = new Set<string>();
  const names = new Set<string>();
  const details = new Set<string>();
  for (const person of people) {
    for (const key of [person.emailMatchKey, person.email]) {
      const pattern = key ? emailPattern(key) : null;
      if (pattern) identifiers.add(pattern);
    }
    const phone = person.phone ? phonePattern(person.phone) : null;
    if (phone) identifiers.add(phone);
    else if (person.phone) addWord(details, person.phone, 3);

    const externalId = person.externalId?.trim();
    if (externalId && externalId.length >= minimumIdentifierIdLength) identifiers.add(escapeRegExp(externalId));
    else if (externalId) addWord(details, externalId, 3);

    const first = person.firstName?.trim() ?? '';
    const last = person.lastName?.trim() ?? '';
    if (first && last) addWord(names, `${first} ${last}`, 3);
    addWord(names, last, 2);
    addWord(details, first, 2);
    addWord(details, person.title, 3);
    addWord(details, person.city, 3);
    addWord(details, person.state, 2);
  }
  return { identifiers: [...identifiers], names: longestFirst(names), details: longestFirst(details) };
}

/** One source matching every spelling of an address leadpact treats as the same person. */
export function emailPattern(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  const tagStart = local.indexOf('+', 1);
  const base = tagStart < 0 ? local : local.slice(0, tagStart);
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    const undotted = [...base.replaceAll('.', '')].map(escapeRegExp).join('\\.?');
    return `${undotted}${emailTag}(@|%40)(gmail|googlemail)\\.com`;
  }
  return `${escapeRegExp(base)}${emailTag}(@|%40)${escapeRegExp(domain)}`;
}

/**
 * One source matching a phone number however it is written: for a valid E.164 number its national
 * digits, optionally preceded by the country code, with any common separators between digits;
 * for a number kept as typed, its digits the same way. Null when it has fewer than 7 digits.
 */
export function phonePattern(phone: string): string | null {
  const parsed = phone.startsWith('+') ? parsePhoneNumberFromString(phone) : undefined;
  const national = parsed ? String(parsed.nationalNumber) : phone.replace(/\D/gu, '');
  if (national.length < minimumPhoneDigits) return null;
  const countryCode = parsed ? `(\\+?${parsed.countryCallingCode}${separator})?` : '';
  return `${countryCode}\\(?${[...national].join(separator)}`;
}

/** Escapes the characters that are special in both JavaScript (with the `u` flag) and PostgreSQL patterns. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

function addWord(target: Set<string>, value: string | null | undefined, minimumLength: number): void {
  const text = value?.trim().replace(/\s+/gu, ' ') ?? '';
  if ([...text].length < minimumLength) return;
  const body = text.split(' ').map(escapeRegExp).join('\\s+');
  target.add(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`);
}

function longestFirst(sources: Set<string>): string[] {
  return [...sources].sort((a, b) => b.length - a.length);
}
