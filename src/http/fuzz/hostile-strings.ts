import fc from 'fast-check';

/**
 * Text a careless or hostile client sends: injection attempts, template and markup payloads,
 * characters PostgreSQL or JSON handle specially, and unicode that breaks naive code (NUL, lone
 * surrogates, direction overrides, combining marks, astral symbols). Every one is a plain JS string.
 */
export const hostileStrings: readonly string[] = [
  "'; drop table leads; --",
  "' or '1'='1",
  '"; select pg_sleep(0); --',
  '1; delete from users',
  '%',
  '_',
  '\\',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '=cmd|\'/c calc\'!A1',
  '+1+1',
  '-2',
  '@SUM(1)',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-0',
  '1e309',
  '',
  ' ',
  '\t',
  '\r\n',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  '\ufeffbom',
  'e\u0301\u0301\u0301',
  'Ǆ ß İ ﬃ',
  '👩‍👩‍👧‍👦',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  'محمد@مثال.مصر',
  '山田@例え.日本',
  'a@b',
  '@',
  'x'.repeat(257),
  '\u001b[31mred',
  'line1\nline2',
  '%00',
  '%27%20OR%201%3D1',
  '0x7fffffff',
  '99999999999999999999999',
];

/** One hostile string whose length (in UTF-16 units) fits `[minLength, maxLength]`. */
export function hostileStringArbitrary(minLength = 0, maxLength = Number.POSITIVE_INFINITY): fc.Arbitrary<string> | null {
  const fitting = hostileStrings.filter((text) => text.length >= minLength && text.length <= maxLength);
  return fitting.length > 0 ? fc.constantFrom(...fitting) : null;
}
