/** What replaces a person's data wherever it is scrubbed from text. */
export const erasedMarker = '[erased]';

export interface PersonalDataRedactor {
  /** True when the text holds any of the patterns. */
  mentions(text: string): boolean;
  /** The text with every match replaced by `[erased]`. */
  redactText(text: string): string;
  /**
   * A copy of a JSON value with every string (and object key) redacted, and every number whose
   * digits match (a phone stored as a number) replaced by `[erased]`. Never mutates its input.
   */
  redactJson(value: unknown): unknown;
}

/**
 * A redactor for the given pattern sources (see personal-data-patterns.ts), matched
 * case-insensitively. With no sources it changes nothing. Pure.
 */
export function createRedactor(sources: readonly string[]): PersonalDataRedactor {
  if (sources.length === 0) return { mentions: () => false, redactText: (text) => text, redactJson: (value) => value };
  const alternation = sources.map((source) => `(?:${source})`).join('|');
  const finder = new RegExp(alternation, 'iu');
  const replacer = new RegExp(alternation, 'giu');
  const mentions = (text: string) => finder.test(text);
  const redactText = (text: string) => (finder.test(text) ? text.replace(replacer, erasedMarker) : text);
  const redactJson = (value: unknown): unknown => {
    if (typeof value === 'string') return redactText(value);
    if (typeof value === 'number') return mentions(String(value)) ? erasedMarker : value;
    if (Array.isArray(value)) return value.map(redactJson);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redactText(key), redactJson(inner)]));
    }
    return value;
  };
  return { mentions, redactText, redactJson };
}

/**
 * Default-deny for a recorded row of an erased record (an audit entry's old or new values): keys
 * in `keptKeys` keep their value (still redacted), every other non-null value becomes `[erased]`,
 * so a column added later is never kept by accident. Keys stay: the entry still shows which
 * fields changed. Pure.
 */
export function keepOnlyListedValues(values: Record<string, unknown>, keptKeys: ReadonlySet<string>, redactor: PersonalDataRedactor): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value === null ? null : keptKeys.has(key) ? redactor.redactJson(value) : erasedMarker]),
  );
}
