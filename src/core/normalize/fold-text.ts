/**
 * Text folding shared by the matching keys (company, country, names): what two spellings of the
 * same thing have in common once case, accents and spacing are set aside.
 */

// Letters that Unicode does not decompose into a base letter plus a mark, but that people type
// as their plain-Latin look-alike when the keyboard lacks them.
const undecomposableLetters: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};
const undecomposablePattern = new RegExp(`[${Object.keys(undecomposableLetters).join('')}]`, 'g');

/** Removes accents and other combining marks ("Björk" → "Bjork", "Łódź" → "Lodz"); keeps case. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(undecomposablePattern, (letter) => undecomposableLetters[letter] ?? letter);
}

/** Trims and turns every run of whitespace (tabs, newlines, no-break spaces) into one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
