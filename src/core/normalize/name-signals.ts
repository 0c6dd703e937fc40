import { collapseSpaces, foldAccents } from './fold-text.ts';

// Keyboard rows (QWERTY, plus the QWERTZ/AZERTY variants) and the alphabet: a name containing a
// long enough run of neighbouring keys, forwards or backwards, was typed to get past the field.
const homeAndBottomRows = ['asdfghjkl', 'zxcvbnm', 'yxcvbnm', 'qsdfghjklm', 'wxcvbn'];
const topRows = ['qwertyuiop', 'qwertzuiop', 'azertyuiop'];
const alphabet = 'abcdefghijklmnopqrstuvwxyz';

/** Runs that never occur in real names, found in Latin-script words as substrings. */
const keyboardRuns = new RegExp(
  [
    // Home and bottom rows from four keys: no name contains "sdfg" or "xcvb".
    ...runsOf(homeAndBottomRows, 4),
    // The top row only from five keys: "wert" (Wertheimer, Ewert) and "erty" (Doherty) are real.
    ...runsOf(topRows, 5),
    'qwer',
    // The alphabet from four letters, except around Dutch "ij" (Hijkoop).
    ...runsOf([alphabet], 4, false).filter((run) => !run.includes('ijk')),
  ].join('|'),
  'u',
);

/** Three-key chunks typed as a whole name ("Asd Sdf"); as substrings they are too common. */
const keyboardChunks = new Set(['asd', 'sdf', 'dfg', 'fgh', 'ghj', 'hjk', 'jkl', 'qwe', 'wer', 'zxc', 'xcv', 'cvb', 'vbn', 'bnm', 'qaz', 'wsx', 'edc']);

function runsOf(rows: readonly string[], length: number, backwards = true): string[] {
  const runs: string[] = [];
  for (const row of rows) {
    for (let start = 0; start + length <= row.length; start++) {
      const run = row.slice(start, start + length);
      runs.push(run);
      if (backwards) runs.push([...run].reverse().join(''));
    }
  }
  return runs;
}

// Consonant clusters that are one sound (Polish "szcz", German "sch", Armenian "tch"), counted as
// one consonant so "Szczepański", "Hirschsprung" or "Mkrtchyan" do not look like random letters.
const consonantDigraphs = /sch|tch|ch|sh|th|ph|gh|ck|sz|cz|rz|dz|zh|kh|ng|dj|ts/gu;

/**
 * True when the text looks like letters typed at random to fill a field: a run of neighbouring
 * keys (asdf, xcvb, qwert), a short unit repeated (jkjkjk, sdfsdf), one letter repeated (aaaaaa),
 * a long word without vowels or an unpronounceable consonant run. Checks each word separately.
 * Never flags short or non-English real names ("Ng", "Wu", "Szczepański", "Llwyd", "Björk");
 * non-Latin scripts are only flagged for one character repeated.
 */
export function isKeyboardMash(text: string): boolean {
  const words = foldAccents(text).toLowerCase().split(/[^\p{L}]+/u);
  return words.some((word) => word !== '' && isMashWord(word));
}

function isMashWord(word: string): boolean {
  if (word.length >= 3 && /^(.)\1+$/u.test(word)) return true;
  if (!/^[a-z]+$/u.test(word)) return false;
  if (keyboardChunks.has(word)) return true;
  if (isRepeatedUnit(word)) return true;
  if (keyboardRuns.test(word)) return true;
  // "w" is a vowel in Welsh (Bwlch, Cwmwd).
  if (word.length >= 5 && !/[aeiouyw]/u.test(word)) return true;
  return longestConsonantRun(word) >= 6;
}

/** "jkjkjk", "lalala", "sdfsdf" — but not "Lulu" or "Mimi" (two repeats of a pronounceable unit). */
function isRepeatedUnit(word: string): boolean {
  for (let unitLength = 2; unitLength <= 3; unitLength++) {
    if (word.length % unitLength !== 0 || word.length < unitLength * 2) continue;
    const unit = word.slice(0, unitLength);
    if (unit.repeat(word.length / unitLength) !== word) continue;
    const repeats = word.length / unitLength;
    if (repeats >= 3 || !/[aeiouy]/u.test(unit)) return true;
  }
  return false;
}

function longestConsonantRun(word: string): number {
  const sounds = word.replace(/(.)\1+/gu, '$1').replace(consonantDigraphs, 'C');
  let longest = 0;
  for (const run of sounds.split(/[aeiouy]+/u)) longest = Math.max(longest, run.length);
  return longest;
}

// Words that on their own make a name field a placeholder or a test. Not here on purpose: "Na",
// "Nan" and "Nil" (real given names and surnames, though also programmers' placeholders)
// and single letters (initials such as "J." are real data).
const testWords = new Set([
  'test', 'testing', 'tst', 'asdf', 'asd', 'qwe', 'qwer', 'qwerty', 'foobar', 'baz', 'xx', 'xxx', 'xxxx',
  'n/a', 'n.a.', 'n.a', 'none', 'null', 'undefined', 'abc', 'abcd', 'abcde', 'abcdef', 'dummy', 'fake',
  'sample', 'example', 'unknown', 'noname', 'no name', 'anonymous', 'anon', 'blah', 'blabla', 'lorem', 'ipsum',
  'firstname', 'first name', 'lastname', 'last name', 'surname', 'name', 'your name', 'user', 'testuser', 'nobody',
  'fulano', 'mustermann', 'nachname', 'vorname', '-', '--', '.', '?',
]);

// Test words that are also real names — "Foo" (a Chinese surname), "Bar" (a Hebrew given name),
// "Tester" (Jon Tester) — count only without a real name beside them: "Foo Bar", "Tester", "Foo Test".
const namesAlsoUsedAsTests = new Set(['foo', 'bar', 'tester']);

const testFullNames = new Set([
  'john doe', 'jane doe', 'john q public', 'jane q public', 'joe bloggs', 'joe blow', 'mickey mouse', 'minnie mouse',
  'donald duck', 'daffy duck', 'bugs bunny', 'homer simpson', 'bart simpson', 'test test', 'foo bar', 'first last',
  'max mustermann', 'erika mustermann', 'richard roe', 'jane roe', 'santa claus', 'lorem ipsum', 'mister x', 'mr x',
]);

const testLocalParts = /^(?:test|testing|tester|asdf|qwerty|foo|foobar|fake|dummy|example|sample|noemail|no-email|none|nobody|abc|xxx|null)[\d._-]*$/u;
const reservedTestDomains = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/u;

/**
 * True when the name (or the e-mail's mailbox) is a test or placeholder entry: "Test", "testing",
 * "asdf", "n/a", "none", "John Doe", "Mickey Mouse", "foo bar", "test123@…", an address at
 * example.com or a .test domain. Case, accents and extra spaces are ignored. Keyboard mashes are
 * `isKeyboardMash`'s job; this only knows the words people use on purpose.
 */
export function isTestName(firstName: string | null | undefined, lastName: string | null | undefined, email?: string | null): boolean {
  const first = nameKey(firstName);
  const last = nameKey(lastName);
  if (testFullNames.has(`${first} ${last}`.trim())) return true;
  if (isTestWord(first) || isTestWord(last)) return true;
  const isPlaceholder = (name: string) => name === '' || namesAlsoUsedAsTests.has(name) || isTestWord(name);
  if ((namesAlsoUsedAsTests.has(first) || namesAlsoUsedAsTests.has(last)) && isPlaceholder(first) && isPlaceholder(last)) return true;
  if (email) return isTestAddress(email);
  return false;
}

function nameKey(name: string | null | undefined): string {
  return name ? collapseSpaces(foldAccents(name).toLowerCase()) : '';
}

function isTestWord(name: string): boolean {
  return testWords.has(name) || /^test(?:[\s._-]*\d+|[\s._-]*(?:user|account|lead|name|person|contact))$/u.test(name);
}

function isTestAddress(email: string): boolean {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return false;
  const local = address.slice(0, at);
  const tagStart = local.indexOf('+', 1);
  const mailbox = tagStart < 0 ? local : local.slice(0, tagStart);
  return testLocalParts.test(mailbox) || reservedTestDomains.test(address.slice(at + 1));
}
