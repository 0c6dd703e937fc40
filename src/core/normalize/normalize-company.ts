import { collapseSpaces, foldAccents } from './fold-text.ts';

export interface NormalizedCompanyName {
  /** As typed, trimmed, inner whitespace collapsed: what people see. */
  display: string;
  /** For matching only: lowercase, accents folded, punctuation and trailing legal forms removed. */
  matchKey: string;
}

// Legal forms as they read once dots and slashes are dropped ("L.L.C." → "llc", "A/S" → "as",
// "Sp. z o.o." → "sp z oo"), tried longest first so "pty ltd" goes before "ltd". Only removed at
// the end of the name: "Co" or "AB" inside a name is part of it. Two-letter forms that are also
// common words at the end of names (AD, DD, PC, BT, IS) are left out on purpose.
const legalSuffixes: readonly (readonly string[])[] = [
  'gmbh and co kgaa', 'gmbh and co kg', 'gmbh and co', 'ag and co kg', 'sa de cv', 'sab de cv', 's de rl de cv', 'de cv',
  'sp z oo', 'spolka z oo', 'sdn bhd', 'pty ltd', 'pte ltd', 'pvt ltd', 'private limited', 'public limited company',
  'co ltd', 'co inc', 'and co', 'and company', 'kabushiki kaisha', 'godo kaisha', 'yugen kaisha', 'spol s ro',
  'inc', 'incorporated', 'llc', 'llp', 'lllp', 'lp', 'pllc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'mbh', 'ggmbh', 'ag', 'kg', 'kgaa', 'ohg', 'ug', 'se', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sau', 'sl', 'slu',
  'srl', 'spa', 'sapa', 'snc', 'bv', 'nv', 'vof', 'bvba', 'sprl', 'plc', 'pty', 'pte', 'pvt', 'oy', 'oyj', 'ab', 'publ',
  'as', 'asa', 'aps', 'hf', 'ehf', 'kk', 'kft', 'zrt', 'nyrt', 'sro', 'spol', 'doo', 'ood', 'eood',
  'ooo', 'oao', 'zao', 'pao', 'ltda', 'eireli', 'sac', 'saa', 'bhd', 'tbk', 'jsc', 'ojsc', 'cjsc', 'lda',
]
  .map((suffix) => suffix.split(' '))
  .sort((a, b) => b.length - a.length);

// Indexed by their last word: the capture pipeline runs this for every row.
const legalSuffixesByLastWord = new Map<string, (readonly string[])[]>();
for (const suffix of legalSuffixes) {
  const lastWord = suffix[suffix.length - 1] ?? '';
  legalSuffixesByLastWord.set(lastWord, [...(legalSuffixesByLastWord.get(lastWord) ?? []), suffix]);
}

/**
 * The display form and the matching key of a company name: "  Acme   Holdings, Inc. " →
 * display "Acme Holdings, Inc.", matchKey "acme holdings". Legal forms are removed repeatedly
 * from the end ("Acme Co., Ltd." → "acme") but never down to nothing ("Company" stays
 * "company"). The key is for matching, never for display.
 */
export function normalizeCompanyName(raw: string): NormalizedCompanyName {
  const display = collapseSpaces(raw);
  const words = foldAccents(display)
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/['’‘`´./\\]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  let end = words.length;
  for (let suffix = matchingSuffix(words, end); suffix !== null; suffix = matchingSuffix(words, end)) {
    end -= suffix.length;
  }
  return { display, matchKey: words.slice(0, end).join(' ') };
}

/** The longest legal form ending at `end` that leaves at least one word before it. */
function matchingSuffix(words: readonly string[], end: number): readonly string[] | null {
  for (const suffix of legalSuffixesByLastWord.get(words[end - 1] ?? '') ?? []) {
    if (suffix.length >= end) continue;
    const start = end - suffix.length;
    if (suffix.every((word, index) => words[start + index] === word)) return suffix;
  }
  return null;
}
