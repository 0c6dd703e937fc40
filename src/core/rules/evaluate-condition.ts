import type { Condition } from '../pact/pact-schema.ts';
import type { FactValue, LeadFacts } from './lead-facts.ts';

/**
 * Reads the value a condition path names. Unknown paths read as undefined (the pact validator
 * warns about them; at run time a rule on a missing fact simply does not fire).
 * `lead.attributes.<name>` matches the attribute name case-insensitively.
 */
export function readFact(facts: LeadFacts, path: string): FactValue {
  const [head, ...rest] = path.split('.');
  if (head === 'lead' && rest[0] === 'attributes' && rest.length >= 2) {
    const wanted = rest.slice(1).join('.').toLowerCase();
    const attributes = facts.lead.attributes ?? {};
    for (const [key, value] of Object.entries(attributes)) {
      if (key.toLowerCase() === wanted) return value;
    }
    return undefined;
  }
  let current: unknown = facts;
  for (const part of [head, ...rest]) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part as string];
  }
  return current as FactValue;
}

function isBlank(value: FactValue): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function asText(value: unknown): string {
  return String(value).trim().toLowerCase();
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function equalsLoose(left: unknown, right: unknown): boolean {
  if (typeof left === 'number' || typeof right === 'number') {
    const a = asNumber(left);
    const b = asNumber(right);
    if (a !== null && b !== null) return a === b;
  }
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    return asText(left) === asText(right);
  }
  return asText(left) === asText(right);
}

const regexCache = new Map<string, RegExp>();
function cachedRegex(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'i');
    regexCache.set(pattern, regex);
  }
  return regex;
}

/**
 * True when the condition holds for the facts. String comparisons ignore case and surrounding
 * space; a list-valued fact (touch.types) matches `eq`/`in`/`contains` when any element does.
 * A blank fact never satisfies a comparison other than `not_exists`, `neq` and `not_in`.
 */
export function evaluateCondition(condition: Condition, facts: LeadFacts): boolean {
  const actual = readFact(facts, condition.field);
  const expected = condition.value;
  if (condition.op === 'exists') return !isBlank(actual);
  if (condition.op === 'not_exists') return isBlank(actual);
  if (Array.isArray(actual)) {
    const elements = actual as readonly string[];
    if (condition.op === 'neq' || condition.op === 'not_in') {
      return elements.every((element) => evaluateScalar({ ...condition }, element, expected));
    }
    return elements.some((element) => evaluateScalar(condition, element, expected));
  }
  if (isBlank(actual)) return condition.op === 'neq' || condition.op === 'not_in';
  return evaluateScalar(condition, actual, expected);
}

function evaluateScalar(condition: Condition, actual: unknown, expected: Condition['value']): boolean {
  const list = Array.isArray(expected) ? expected : [expected];
  switch (condition.op) {
    case 'eq':
      return equalsLoose(actual, expected);
    case 'neq':
      return !equalsLoose(actual, expected);
    case 'in':
      return list.some((value) => equalsLoose(actual, value));
    case 'not_in':
      return !list.some((value) => equalsLoose(actual, value));
    case 'contains':
      return asText(actual).includes(asText(expected));
    case 'contains_any': {
      const haystack = asText(actual);
      return list.some((value) => haystack.includes(asText(value)));
    }
    case 'starts_with':
      return asText(actual).startsWith(asText(expected));
    case 'ends_with':
      return asText(actual).endsWith(asText(expected));
    case 'matches':
      return cachedRegex(String(expected)).test(String(actual));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === null || b === null) return false;
      if (condition.op === 'gt') return a > b;
      if (condition.op === 'gte') return a >= b;
      if (condition.op === 'lt') return a < b;
      return a <= b;
    }
    case 'between': {
      const a = asNumber(actual);
      const low = asNumber(list[0]);
      const high = asNumber(list[1]);
      if (a === null || low === null || high === null) return false;
      return a >= low && a <= high;
    }
    default:
      return false;
  }
}

/** True when every condition holds (an empty list holds). */
export function evaluateAll(conditions: readonly Condition[], facts: LeadFacts): boolean {
  return conditions.every((condition) => evaluateCondition(condition, facts));
}
