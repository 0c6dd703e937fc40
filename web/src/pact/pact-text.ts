import { Document, isNode, isScalar, parseDocument, visit } from 'yaml';

/** The raw editor holds the pact as JSON or YAML text; the server reads either (see parse-pact-text.ts). */
export type PactTextFormat = 'json' | 'yaml';

/** A place in the document, as keys and list indexes: `['grading', 'thresholds', 'A']`. */
export type PactPath = readonly (string | number)[];

export type PactTextReading = { ok: true; value: unknown } | { ok: false; message: string };

// YAML 1.2 core schema, as the server reads it: 09:00 and 2025-12-24 stay text.
const yamlOptions = { version: '1.2', uniqueKeys: true } as const;

/**
 * Reads the editor's text into a value for the form. Only a first look: the server validates the
 * pact and reports every problem with its path and line; this just says whether the form can follow.
 */
export function readPactText(text: string, format: PactTextFormat): PactTextReading {
  if (text.trim() === '') return { ok: false, message: 'The document is empty.' };
  if (format === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const document = parseDocument(text, yamlOptions);
  const [first] = document.errors;
  if (first) return { ok: false, message: `Not valid YAML: ${first.message.split('\n')[0]}` };
  try {
    return { ok: true, value: document.toJS() as unknown };
  } catch (error) {
    return { ok: false, message: `Not valid YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A value written as editor text, its keys in the pact's own order (see `inPactOrder`): JSON indented
 * by two spaces, or YAML as examples/default-pact.yaml is written — block style, with each condition
 * and each list of plain values on one line (`{ field: lead.seniority, op: eq, value: vp }`). Ends
 * with a newline.
 */
export function writePactText(value: unknown, format: PactTextFormat): string {
  const ordered = inPactOrder(value);
  if (format === 'json') return `${JSON.stringify(ordered, null, 2)}\n`;
  const document = new Document(ordered, { version: '1.2' });
  visit(document, {
    Map(_key, node) {
      if (node.has('field') && node.has('op')) node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0 });
}

/**
 * Every key of the pact, in the order a person reads it: the document's sections as the schema lists
 * them, then inside each rule what it is (id, label), what it tests and what it is worth. Stored
 * versions come back from the database's JSON with their keys sorted by length, which reads badly.
 */
const pactKeyOrder = [
  'name', 'defaultPhoneRegion', 'currency', 'fitRules', 'engagementRules', 'grading', 'mql', 'junk', 'classification', 'routing', 'sla', 'dispositions', 'commitments',
  'id', 'code', 'class', 'period', 'label', 'reason', 'touchType', 'field', 'op', 'value', 'when', 'whenAny', 'points', 'halfLifeDays', 'handRaiser', 'maxCount', 'priority',
  'basis', 'thresholds', 'A', 'B', 'C', 'D', 'fitRange', 'anyOf', 'competitorDomains', 'extraFreeMailDomains', 'rules', 'defaultClass',
  'inside', 'marketing_led', 'team', 'strategy', 'territories', 'reps',
  'calendar', 'timeZone', 'workingDays', 'startTime', 'endTime', 'holidays', 'perGrade', 'acceptWithinHours', 'firstAttemptWithinHours', 'minAttempts', 'attemptWindowDays', 'feedbackWithinHours',
  'warnAtFraction', 'escalation', 'notifyManagerAfterBreachHours', 'reassignAfterBreachHours', 'action', 'recycleAfterDays', 'suggests', 'mqlVolume', 'mqlToSqlFloor',
];
const keyRank = new Map(pactKeyOrder.map((key, index) => [key, index]));

/** A copy with every object's keys in `pactKeyOrder` (unknown keys last, in their own order). Lists keep their order. */
export function inPactOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inPactOrder);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rank = (key: string) => keyRank.get(key) ?? pactKeyOrder.length;
  return Object.fromEntries(entries.map(([key, item], index) => ({ key, item, index })).sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index).map(({ key, item }) => [key, inPactOrder(item)]));
}

/**
 * The text with one value replaced (a form field changed). YAML keeps its comments and layout
 * around the change; JSON is rewritten indented. Null when the text cannot be read, so the form
 * never overwrites a document it does not understand.
 */
export function withValueAt(text: string, format: PactTextFormat, path: PactPath, value: unknown): string | null {
  if (path.length === 0) return null;
  if (format === 'yaml') {
    const document = parseDocument(text, yamlOptions);
    if (document.errors.length > 0 || document.contents === null) return null;
    document.setIn([...path], value);
    return document.toString({ lineWidth: 0 });
  }
  const reading = readPactText(text, format);
  if (!reading.ok) return null;
  return writePactText(setIn(reading.value, path, value), format);
}

/** The text in the other format, or null when it cannot be read (the user fixes it first). */
export function convertPactText(text: string, from: PactTextFormat, to: PactTextFormat): string | null {
  if (from === to) return text;
  const reading = readPactText(text, from);
  return reading.ok ? writePactText(reading.value, to) : null;
}

/** The value at `path`, or undefined when any step is missing. */
export function valueAt(value: unknown, path: PactPath): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** `path` as the server names it in its issues: `fitRules.3.points`. */
export function pathText(path: PactPath): string {
  return path.join('.');
}

/** Where an issue's path points in the text: 1-based line and the character offset, for "go to line". */
export interface TextLocation {
  line: number;
  offset: number;
}

/**
 * Finds the value at a dotted issue path (`fitRules.3.points`) in JSON or YAML text — JSON is read
 * as YAML, which it is — or, when that value is missing (a required field left out), the nearest
 * part of the document that holds it. Null when the text cannot be read or the path names nothing in it.
 */
export function locateIssuePath(text: string, issuePath: string): TextLocation | null {
  const document = parseDocument(text, { version: '1.2' });
  if (document.errors.length > 0) return null;
  const steps = issuePath.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  for (let length = steps.length; length > 0; length -= 1) {
    const node: unknown = document.getIn(steps.slice(0, length), true);
    if (isNode(node) && node.range) {
      const offset = node.range[0];
      return { line: text.slice(0, offset).split('\n').length, offset };
    }
  }
  return null;
}

/** A copy of `root` with `value` at `path`; missing steps become objects (or lists before an index). */
function setIn(root: unknown, path: PactPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : root !== null && typeof root === 'object'
      ? { ...(root as Record<string, unknown>) }
      : typeof key === 'number'
        ? []
        : {};
  const record = container as Record<string | number, unknown>;
  record[key] = setIn(record[key], rest, value);
  return container;
}
