import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJsonText } from './scan-json-text.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('scanJsonText', () => {
  it('finds nothing wrong in any JSON that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        expect(scanJsonText(JSON.stringify(value, null, indent))).toEqual([]);
      }),
    );
  });

  it('agrees with JSON.parse on what is a syntax error, for mangled JSON', () => {
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', ' ', 'x', '{', '[', '\n', "'", '0', '-'), fc.nat({ max: 2 }))
      .map(([text, at, insert, remove]) => {
        const position = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, position) + insert + text.slice(position + remove);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        const syntaxProblems = scanJsonText(text).filter((problem) => !problem.message.startsWith('duplicate key'));
        expect(syntaxProblems.length === 0).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports every key repeated inside one object, at the repeat', () => {
    expect(scanJsonText('{"a": 1, "b": {"a": 2, "a": 3}, "a": 4}')).toEqual([
      { offset: 23, message: 'duplicate key "a" in the same section' },
      { offset: 32, message: 'duplicate key "a" in the same section' },
    ]);
  });

  it('compares keys by their decoded text', () => {
    expect(scanJsonText('{"a": 1, "\\u0061": 2}')).toEqual([{ offset: 9, message: 'duplicate key "a" in the same section' }]);
  });
});
