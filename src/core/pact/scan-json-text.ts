/** A problem in JSON text: where it is (offset of the offending character, 0-based) and what is wrong. */
export interface JsonTextProblem {
  offset: number;
  message: string;
}

/**
 * Checks JSON text the way a person fixing it needs: the first syntax error with its exact offset
 * (`JSON.parse` often names no position), or else every key repeated inside one object (which
 * `JSON.parse` silently resolves to the last one). An empty list means `JSON.parse` will succeed and
 * lose nothing. Never throws.
 */
export function scanJsonText(text: string): JsonTextProblem[] {
  const scanner = new JsonScanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (!scanner.atEnd()) scanner.fail('unexpected text after the end of the document');
  } catch (error) {
    if (error instanceof StopScanning) return [error.problem];
    throw error;
  }
  return scanner.duplicates;
}

/** Unwinds the recursive descent at the first syntax error. */
class StopScanning extends Error {
  readonly problem: JsonTextProblem;

  constructor(problem: JsonTextProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonScanner {
  readonly text: string;
  position = 0;
  readonly duplicates: JsonTextProblem[] = [];

  constructor(text: string) {
    this.text = text;
  }

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** Stops at a problem at the offset, reported as "ends too early" when the offset is past the last character. */
  fail(message: string, offset = this.position): never {
    throw new StopScanning({ offset, message: offset >= this.text.length ? 'the document ends too early' : message });
  }

  skipSpace(): void {
    while (!this.atEnd() && ' \t\n\r'.includes(this.text[this.position] as string)) this.position += 1;
  }

  value(): void {
    const char = this.text[this.position];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return void this.string();
    if (char === "'") this.fail('text must be in double quotes, not single quotes');
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.position)) {
        this.position += literal.length;
        return;
      }
    }
    numberPattern.lastIndex = this.position;
    const number = numberPattern.exec(this.text);
    if (number) {
      this.position += number[0].length;
      return;
    }
    this.fail('expected a value: text in double quotes, a number, true, false, null, { or [');
  }

  private object(): void {
    this.position += 1;
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text[this.position] === '}') {
      this.position += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] !== '"') {
        this.fail(this.text[this.position] === '}' ? 'remove the comma before }' : 'expected a key in double quotes');
      }
      const keyOffset = this.position;
      const key = this.string();
      if (seen.has(key)) this.duplicates.push({ offset: keyOffset, message: `duplicate key "${key}" in the same section` });
      seen.add(key);
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail(`expected : after the key "${key}"`);
      this.position += 1;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const next = this.text[this.position];
      this.position += 1;
      if (next === '}') return;
      if (next === '"') this.fail('missing , before this entry', this.position - 1);
      if (next !== ',') this.fail('expected , or } after the value', this.position - 1);
    }
  }

  private array(): void {
    this.position += 1;
    this.skipSpace();
    if (this.text[this.position] === ']') {
      this.position += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === ']') this.fail('remove the comma before ]');
      this.value();
      this.skipSpace();
      const next = this.text[this.position];
      this.position += 1;
      if (next === ']') return;
      if (next !== ',') this.fail('expected , or ] after the item', this.position - 1);
    }
  }

  /** Reads a string starting at the opening quote and returns its decoded value. */
  private string(): string {
    const start = this.position;
    this.position += 1;
    while (!this.atEnd()) {
      const char = this.text[this.position] as string;
      if (char === '"') {
        this.position += 1;
        return JSON.parse(this.text.slice(start, this.position)) as string;
      }
      if (char === '\\') {
        const escape = this.text[this.position + 1] ?? '';
        if ('"\\/bfnrt'.includes(escape) && escape !== '') {
          this.position += 2;
          continue;
        }
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
          this.position += 6;
          continue;
        }
        this.fail('invalid escape sequence in text');
      }
      if (char === '\n') return this.unterminated(start);
      if (char < ' ') this.fail('control character inside text (write it as an escape such as \\t)');
      this.position += 1;
    }
    return this.unterminated(start);
  }

  private unterminated(start: number): never {
    throw new StopScanning({ offset: start, message: 'text is missing its closing "' });
  }
}
