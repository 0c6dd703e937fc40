import type { FieldIssue } from '../../errors/app-error.ts';
import { closestName } from './closest-name.ts';
import { describeCondition } from './describe-condition.ts';
import {
  booleanFacts,
  enumeratedFacts,
  isFactRoot,
  knownFactFields,
  knownFactRoots,
  listFacts,
  numericFacts,
  scoringOnlyRoots,
} from './known-facts.ts';
import type { Condition } from './pact-schema.ts';
import { accountClasses, conditionOperators } from './pact-schema.ts';
import { asList, asRecord } from './read-loosely.ts';

/** One list of conditions in the pact, with what it belongs to. */
interface ConditionList {
  path: string;
  conditions: unknown[];
  /** "fit rule", "MQL clause", … as the messages name it. */
  owner: string;
  /** `when` lists need every condition; junk's `whenAny` needs one. */
  combine: 'all' | 'any';
  /** Fit, junk and classification run before the lead is scored. */
  runsBeforeScoring: boolean;
}

/** Same shape the schema demands of a field path; anything else is already reported by the schema. */
const fieldPathShape = /^[a-z_]+(\.[A-Za-z0-9_ \-]+)+$/;

/**
 * Errors in the conditions of a pact that the schema cannot see: fields that name no fact (a typo
 * would make the rule silently never fire), score and touch facts used before scoring, values a
 * fact can never have, and conditions that can never hold. Reads the document tolerantly — it may
 * be one that failed the schema — and skips whatever is too malformed to judge.
 */
export function checkPactConditions(document: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const list of conditionListsOf(document)) {
    const sound: unknown[] = [];
    list.conditions.forEach((condition, index) => {
      const problems = checkCondition(condition, `${list.path}.${index}`, list);
      issues.push(...problems);
      if (problems.length === 0) sound.push(condition);
    });
    // A condition already reported on its own would only repeat itself as a contradiction.
    if (list.combine === 'all') issues.push(...checkContradictions(list, sound));
  }
  return issues;
}

function conditionListsOf(document: unknown): ConditionList[] {
  const pact = asRecord(document);
  const lists: ConditionList[] = [];
  const add = (items: unknown, key: string, basePath: string, owner: string, combine: 'all' | 'any', runsBeforeScoring: boolean): void => {
    asList(items).forEach((item, index) => {
      const conditions = asRecord(item)?.[key];
      if (Array.isArray(conditions)) lists.push({ path: `${basePath}.${index}.${key}`, conditions, owner, combine, runsBeforeScoring });
    });
  };
  add(pact?.fitRules, 'when', 'fitRules', 'fit rule', 'all', true);
  add(asRecord(pact?.mql)?.anyOf, 'when', 'mql.anyOf', 'MQL clause', 'all', false);
  add(asRecord(pact?.junk)?.rules, 'whenAny', 'junk.rules', 'junk rule', 'any', true);
  add(asRecord(pact?.classification)?.rules, 'when', 'classification.rules', 'classification rule', 'all', true);
  const routing = asRecord(pact?.routing);
  for (const accountClass of accountClasses) {
    add(asRecord(routing?.[accountClass])?.territories, 'when', `routing.${accountClass}.territories`, 'territory', 'all', false);
  }
  return lists;
}

function checkCondition(raw: unknown, path: string, list: ConditionList): FieldIssue[] {
  const condition = asRecord(raw);
  const field = condition?.field;
  if (typeof field !== 'string' || !fieldPathShape.test(field)) return [];
  const fieldProblem = unknownFieldProblem(field);
  if (fieldProblem) return [{ path: `${path}.field`, message: fieldProblem }];
  const root = field.split('.')[0] ?? '';
  if (list.runsBeforeScoring && (scoringOnlyRoots as readonly string[]).includes(root)) {
    return [{ path: `${path}.field`, message: `${field} is only known after scoring, so a ${list.owner} cannot use it` }];
  }
  const op = condition?.op;
  if (typeof op !== 'string' || !(conditionOperators as readonly string[]).includes(op)) return [];
  const valueProblem = impossibleValueProblem(field, op, condition?.value);
  return valueProblem ? [{ path: `${path}.value`, message: valueProblem }] : [];
}

/** Why a field path names no fact, or undefined when it does. */
function unknownFieldProblem(field: string): string | undefined {
  const [root = '', ...rest] = field.split('.');
  const subfield = rest.join('.');
  if (!isFactRoot(root)) {
    const suggestion = closestName(root, knownFactRoots);
    const hint = suggestion ? ` (did you mean "${[suggestion, ...rest].join('.')}"?)` : '';
    return `unknown field "${field}"${hint}: a condition field starts with one of ${knownFactRoots.join(' | ')}`;
  }
  if (root === 'lead' && rest[0] === 'attributes') {
    return rest.length > 1 ? undefined : 'name the imported column: lead.attributes.<column>';
  }
  const known = knownFactFields[root];
  if (known.includes(subfield)) return undefined;
  const plainKnown = known.filter((name) => !name.endsWith('.*'));
  const suggestion = closestName(subfield, plainKnown);
  const hint = suggestion ? ` (did you mean "${root}.${suggestion}"?)` : '';
  const listed = known.map((name) => name.replace(/\.\*$/, '.<column>')).join(', ');
  return `unknown ${root} field "${subfield}"${hint}; known: ${listed}`;
}

/** Why a condition can never hold because of its value alone, or undefined. */
function impossibleValueProblem(field: string, op: string, value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  const comparesEquality = ['eq', 'neq', 'in', 'not_in'].includes(op);
  if (['in', 'contains_any'].includes(op) && Array.isArray(value) && value.length === 0) return 'an empty list never matches';
  if (booleanFacts.includes(field) && comparesEquality) {
    const wrong = values.find((item) => !['true', 'false'].includes(String(item).toLowerCase()));
    if (wrong !== undefined) return `${field} is true or false, not ${quoted(wrong)}`;
  }
  const allowed = enumeratedFacts[field];
  if (allowed && comparesEquality) {
    const wrong = values.find((item) => !allowed.some((option) => option.toLowerCase() === String(item).toLowerCase()));
    if (wrong !== undefined) return `${field} is one of ${allowed.join(' | ')}, not ${quoted(wrong)}`;
  }
  const isNumericOp = ['gt', 'gte', 'lt', 'lte', 'between'].includes(op);
  const isAttribute = field.startsWith('lead.attributes.');
  if (isNumericOp && !isAttribute && !numericFacts.includes(field)) return `${field} is not a number, so ${op} never holds`;
  if (op === 'between' && Array.isArray(value) && value.length === 2) {
    const [low, high] = value.map(asNumber);
    if (low === undefined || high === undefined) return 'between needs two numbers [low, high]';
    if (low > high) return `between ${low} and ${high} never holds: put the low value first ([${high}, ${low}])`;
  }
  return undefined;
}

interface Bound {
  value: number;
  inclusive: boolean;
}

/** Conditions of one `when` that exclude each other on the same field: the rule can never apply. */
function checkContradictions(list: ConditionList, conditions: readonly unknown[]): FieldIssue[] {
  const byField = new Map<string, Condition[]>();
  for (const raw of conditions) {
    const condition = wellFormedCondition(raw);
    if (!condition) continue;
    byField.set(condition.field, [...(byField.get(condition.field) ?? []), condition]);
  }
  const issues: FieldIssue[] = [];
  for (const [field, conditions] of byField) {
    if (conditions.length < 2 || !conditionsExclude(field, conditions)) continue;
    const described = conditions.map((condition) => describeCondition(condition)).join(' and ');
    issues.push({ path: list.path, message: `conditions on ${field} cannot all hold (${described}), so this ${list.owner} can never apply` });
  }
  return issues;
}

function conditionsExclude(field: string, conditions: readonly Condition[]): boolean {
  const ops = new Set(conditions.map((condition) => condition.op));
  if (ops.has('not_exists')) return [...ops].some((op) => !['not_exists', 'neq', 'not_in'].includes(op));
  if (!listFacts.includes(field)) {
    const equals = new Set(conditions.filter((condition) => condition.op === 'eq').map((condition) => String(condition.value).toLowerCase()));
    if (equals.size > 1) return true;
  }
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  for (const { op, value } of conditions) {
    const [first, second] = (Array.isArray(value) ? value : [value]).map(asNumber);
    if (first === undefined) continue;
    if (op === 'gt' || op === 'gte') lower = tighterBound(lower, { value: first, inclusive: op === 'gte' }, 'lower');
    if (op === 'lt' || op === 'lte') upper = tighterBound(upper, { value: first, inclusive: op === 'lte' }, 'upper');
    if (op === 'eq' && typeof value === 'number') {
      lower = tighterBound(lower, { value: first, inclusive: true }, 'lower');
      upper = tighterBound(upper, { value: first, inclusive: true }, 'upper');
    }
    if (op === 'between' && second !== undefined) {
      lower = tighterBound(lower, { value: first, inclusive: true }, 'lower');
      upper = tighterBound(upper, { value: second, inclusive: true }, 'upper');
    }
  }
  if (!lower || !upper) return false;
  return lower.value > upper.value || (lower.value === upper.value && !(lower.inclusive && upper.inclusive));
}

function tighterBound(current: Bound | undefined, candidate: Bound, side: 'lower' | 'upper'): Bound {
  if (!current) return candidate;
  if (candidate.value === current.value) return candidate.inclusive ? current : candidate;
  const isTighter = side === 'lower' ? candidate.value > current.value : candidate.value < current.value;
  return isTighter ? candidate : current;
}

function wellFormedCondition(raw: unknown): Condition | undefined {
  const condition = asRecord(raw);
  if (typeof condition?.field !== 'string' || typeof condition.op !== 'string') return undefined;
  if (!(conditionOperators as readonly string[]).includes(condition.op)) return undefined;
  return condition as unknown as Condition;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
