import { parseDocument } from 'yaml';
import type { FieldIssue } from '../../errors/app-error.ts';
import { scanJsonText } from './scan-json-text.ts';

export type PactTextFormat = 'json' | 'yaml';

export type ParsePactTextResult = { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] };

/** Path reported for problems with the text itself rather than with one field of the pact. */
export const documentPath = '(document)';

/**
 * Reads a pact written as JSON or YAML into a plain value (not yet validated: see `validatePact`).
 * With no format given, text that is valid JSON is read as JSON and anything else as YAML; text that
 * looks like JSON (starts with { or [) but fails both is reported with its JSON errors.
 *
 * Syntax errors come back as issues at path `(document)`, each naming its line and column (1-based):
 * "YAML syntax error at line 12, column 3: …". A key repeated inside one section is an error in both
 * formats, since silently keeping one of the two would change the pact. Never throws.
 */
export function parsePactText(text: string, format?: PactTextFormat): ParsePactTextResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return failure('the pact is empty');
  if (format === 'json') return parseJson(source);
  if (format === 'yaml') return parseYaml(source);
  const asJson = parseJson(source);
  if (asJson.ok) return asJson;
  const asYaml = parseYaml(source);
  if (asYaml.ok) return asYaml;
  return /^\s*[{[]/.test(source) ? asJson : asYaml;
}

function parseJson(text: string): ParsePactTextResult {
  const problems = scanJsonText(text);
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((problem) => {
        const { line, column } = lineAndColumn(text, problem.offset);
        return { path: documentPath, message: `JSON syntax error at line ${line}, column ${column}: ${problem.message}` };
      }),
    };
  }
  return { ok: true, value: JSON.parse(text) as unknown };
}

function parseYaml(text: string): ParsePactTextResult {
  // YAML 1.2 core schema: dates and times such as 2025-12-24 or 09:00 stay text, as the pact expects.
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2' });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => {
        const start = error.linePos?.[0];
        const { line, column } = start ? { line: start.line, column: start.col } : lineAndColumn(text, error.pos[0]);
        const kind = error.code === 'DUPLICATE_KEY' ? 'YAML duplicate key' : 'YAML syntax error';
        return { path: documentPath, message: `${kind} at line ${line}, column ${column}: ${yamlProblem(error.code, error.message, text, error.pos[0])}` };
      }),
    };
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // An alias whose anchor is not set before it (`*a` with no `&a` above) is found only here, as a throw.
    return failure(yamlAliasProblem(error instanceof Error ? error.message : String(error)));
  }
  if (value === null || value === undefined) return failure('the pact is empty');
  if (refersToItself(value)) return failure('YAML alias problem: an anchor is used inside itself (&a … *a), so the pact would never end');
  return { ok: true, value };
}

/** Whether a value built from YAML aliases contains itself (an anchor used inside its own node). */
function refersToItself(root: unknown): boolean {
  // Iterative, with the path of open nodes: shared (non-circular) aliases are fine, cycles are not.
  const open = new Set<object>();
  const pending: { node: unknown; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (pending.length > 0) {
    const { node, leaving } = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (leaving) {
      open.delete(node);
      continue;
    }
    if (open.has(node)) return true;
    open.add(node);
    pending.push({ node, leaving: true });
    for (const child of node instanceof Map ? node.values() : Object.values(node)) pending.push({ node: child, leaving: false });
  }
  return false;
}

/**
 * The yaml library's throw about an alias, in our words: "Unresolved alias (the anchor must be set
 * before the alias): rules" becomes "YAML alias *rules has no anchor &rules set before it".
 */
function yamlAliasProblem(message: string): string {
  const unresolved = /^Unresolved alias[^:]*: (.*)$/s.exec(message.trim());
  if (unresolved) return `YAML alias *${unresolved[1]} has no anchor &${unresolved[1]} set before it`;
  return `YAML alias problem: ${message}`;
}

/** The yaml library's message without its own position suffix and source excerpt, in our words where they are obscure. */
function yamlProblem(code: string, message: string, text: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^\s:]+|^"[^"]*"|^'[^']*'/.exec(text.slice(offset))?.[0] ?? 'a key';
    return `${key} appears twice in the same section`;
  }
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one document (remove the extra ---)';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  const firstLine = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return yamlMessagesInPlainWords.find(([pattern]) => pattern.test(firstLine))?.[1] ?? firstLine;
}

const yamlMessagesInPlainWords: readonly (readonly [RegExp, string])[] = [
  [/^Implicit keys need to be on a single line/, 'expected "key: value" (is a colon missing, or is the line indented too far?)'],
  [/^Nested mappings are not allowed in compact mappings/, 'a second "key:" on one line (is a line indented too far, or does text with ": " need quotes?)'],
  [/^Flow sequence .* end with a \]/, 'a list opened with [ is not closed with ]'],
  [/^Flow map .* end with a \}/, 'a section opened with { is not closed with }'],
  [/^Missing closing "quote/, 'text opened with " is never closed'],
  [/^Missing closing 'quote/, "text opened with ' is never closed"],
];

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

function failure(message: string): ParsePactTextResult {
  return { ok: false, issues: [{ path: documentPath, message }] };
}
