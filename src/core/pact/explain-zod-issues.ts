import type { z } from 'zod';
import type { FieldIssue } from '../../errors/app-error.ts';
import { closestName } from './closest-name.ts';
import { documentPath } from './parse-pact-text.ts';

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into messages a revenue-ops admin can act on, each at the dotted path of the
 * field in the document (`routing.field.strategy.0`). zod's own wording ("Invalid option: expected
 * one of \"a\"|\"b\"") is rewritten; messages the schema wrote itself are kept. An unknown key is
 * reported at the key's own path, with the closest allowed key when one looks like a typo.
 * Issues must come from a parse with `reportInput: true` so the message can say what was found.
 */
export function explainZodIssues(issues: readonly ZodIssue[], schema: z.ZodType): FieldIssue[] {
  return issues.flatMap((issue) => explainIssue(issue, [], schema));
}

function explainIssue(issue: ZodIssue, prefix: readonly PropertyKey[], schema: z.ZodType): FieldIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(schema, path);
    return issue.keys.map((key) => {
      const suggestion = closestName(key, allowed);
      return { path: dottedPath([...path, key]), message: `unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` };
    });
  }
  if (issue.code === 'invalid_union') return explainUnion(issue, path, schema);
  return [{ path: dottedPath(path), message: isZodWording(issue.message) ? rewordedMessage(issue) : issue.message }];
}

/** zod's built-in messages all start like this; the pact schema's own messages never do. */
function isZodWording(message: string): boolean {
  return /^(Invalid|Too small|Too big|Unrecognized key)/.test(message);
}

function rewordedMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${expectedKind(issue.expected)}, got ${describeReceived(issue.input)}`;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (allowed.length === 1) return `expected ${allowed[0]}`;
      const suggestion = typeof issue.input === 'string' ? closestName(issue.input, allowed) : undefined;
      return `expected one of ${allowed.join(' | ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    }
    case 'too_small':
      return tooSmallMessage(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBigMessage(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_format':
      if (issue.format === 'email') return 'expected an e-mail address such as ana@example.com';
      if (issue.format === 'regex') return `does not have the expected form ${issue.pattern ?? ''}`.trim();
      return `expected ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

function tooSmallMessage(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'string') return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters long`;
  if (origin === 'array' || origin === 'set') return minimum <= 1 ? 'needs at least one entry' : `needs at least ${minimum} entries`;
  return inclusive ? `must be at least ${minimum}` : `must be more than ${minimum}`;
}

function tooBigMessage(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === 'string') return `must be at most ${maximum} characters long`;
  if (origin === 'array' || origin === 'set') return `must have at most ${maximum} ${maximum === 1 ? 'entry' : 'entries'}`;
  return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
}

const expectedKinds: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a section of "key: value" lines',
  array: 'a list',
  tuple: 'a list',
  record: 'a section of "key: value" lines',
};

function expectedKind(expected: string): string {
  return expectedKinds[expected] ?? expected;
}

/** How a value the admin wrote reads back to them ("text \"abc\"", "a list", "an empty value"). */
function describeReceived(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a section';
  return String(value);
}

/**
 * A union (such as a condition's value: text, number, true/false or a list of those) fails as a
 * whole. When every alternative failed on the type, say which types would do; otherwise the value
 * had the right shape for one alternative and that alternative's own problems are the useful ones.
 */
function explainUnion(issue: z.core.$ZodIssueInvalidUnion, path: PropertyKey[], schema: z.ZodType): FieldIssue[] {
  const kinds = issue.errors.map(typeKindsOf);
  if (kinds.every((kind) => kind !== undefined)) {
    const expected = [...new Set(kinds.flat())];
    const message = issue.input === undefined ? 'required' : `expected ${joinWithOr(expected)}, got ${describeReceived(issue.input)}`;
    return [{ path: dottedPath(path), message }];
  }
  const closest = issue.errors.find((_, index) => kinds[index] === undefined) ?? [];
  return closest.flatMap((inner) => explainIssue(inner, path, schema));
}

/** The kinds an alternative expected when it failed only on the type of the value itself; undefined otherwise. */
function typeKindsOf(branch: readonly ZodIssue[]): string[] | undefined {
  const kinds: string[] = [];
  for (const issue of branch) {
    if (issue.path.length > 0) return undefined;
    if (issue.code === 'invalid_type') kinds.push(expectedKind(issue.expected));
    else if (issue.code === 'invalid_union') {
      const nested = issue.errors.map(typeKindsOf);
      if (nested.some((kind) => kind === undefined)) return undefined;
      kinds.push(...nested.flatMap((kind) => kind ?? []));
    } else return undefined;
  }
  return kinds.length > 0 ? kinds : undefined;
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}

function dottedPath(path: readonly PropertyKey[]): string {
  // An empty key (possible in YAML and JSON) still needs something to point at.
  return path.length === 0 ? documentPath : path.map((segment) => (segment === '' ? '""' : String(segment))).join('.');
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  items?: unknown[];
  innerType?: unknown;
  in?: unknown;
}

function definitionOf(schema: unknown): SchemaDefinition | undefined {
  return (schema as { _zod?: { def?: SchemaDefinition } } | undefined)?._zod?.def;
}

/** Skips the wrappers (default, optional, …) that do not change which keys an object allows. */
function unwrapped(schema: unknown): SchemaDefinition | undefined {
  let definition = definitionOf(schema);
  while (definition && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'pipe'].includes(definition.type)) {
    definition = definitionOf(definition.type === 'pipe' ? definition.in : definition.innerType);
  }
  return definition;
}

/** The keys the object schema at `path` allows, or none when the path leads elsewhere. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let definition = unwrapped(schema);
  for (const segment of path) {
    if (!definition) return [];
    if (definition.type === 'object') definition = unwrapped(definition.shape?.[String(segment)]);
    else if (definition.type === 'array') definition = unwrapped(definition.element);
    else if (definition.type === 'tuple') definition = unwrapped(definition.items?.[Number(segment)]);
    else return [];
  }
  return definition?.type === 'object' ? Object.keys(definition.shape ?? {}) : [];
}
