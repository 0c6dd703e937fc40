import { describe, expect, it } from 'vitest';
import { parsePactText } from './parse-pact-text.ts';

// Found by the API fuzzer: `POST /api/pact-versions/validate {"document": "*-"}` answered 500,
// because the yaml library reports an alias without its anchor by throwing from toJS().
describe('parsePactText with YAML aliases', () => {
  it.each(['*-', 'a: *b', 'junk:\n  rules: *rules'])('refuses an alias whose anchor is not set before it (%j) with an issue, never a throw', (text) => {
    const result = parsePactText(text, 'yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: '(document)', message: expect.stringMatching(/^YAML alias \*\S* has no anchor &\S* set before it$/) }]);
    expect(parsePactText(text).ok).toBe(false);
  });

  it.each(['&a [*a]', 'x: &a\n  y: *a'])('refuses an anchor used inside itself (%j): the value would never end', (text) => {
    const result = parsePactText(text, 'yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/used inside itself/);
  });

  it('names the alias in its own words, never as an "error:" from the library (the fuzzer found `*!`)', () => {
    expect(parsePactText('*!', 'yaml')).toEqual({ ok: false, issues: [{ path: '(document)', message: 'YAML alias *! has no anchor &! set before it' }] });
    expect(parsePactText('junk:\n  rules: *rules', 'yaml')).toEqual({ ok: false, issues: [{ path: '(document)', message: 'YAML alias *rules has no anchor &rules set before it' }] });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghij'[index]}`).join(', ')}]`)].join('\n');
    expect(parsePactText(bomb, 'yaml').ok).toBe(false);
  });

  it('keeps aliases that only share a block', () => {
    const result = parsePactText('base: &base {points: 5}\nfirst: *base\nsecond: *base', 'yaml');
    expect(result).toEqual({ ok: true, value: { base: { points: 5 }, first: { points: 5 }, second: { points: 5 } } });
  });
});
