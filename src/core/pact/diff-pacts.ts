import type { DescribeOptions } from './describe-condition.ts';
import { describeConditions, formatNumber } from './describe-condition.ts';
import { describeCommitment, dispositionOutcome } from './describe-pact-parts.ts';
import type { Condition, Disposition, EngagementRule, FitRule, JunkRule, PactDocument, Territory } from './pact-schema.ts';
import { accountClasses, grades } from './pact-schema.ts';

/** One difference between two pact versions, with a sentence a person reviewing the change can read. */
export interface PactChange {
  /** Where in the pact: dotted, with rules named by their key in brackets (`fitRules[vp].points`). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  summary: string;
}

type ClassificationRule = PactDocument['classification']['rules'][number];
type MqlClause = PactDocument['mql']['anyOf'][number];
type Commitment = PactDocument['commitments'][number];

/** How one list of the pact is matched up between versions and named in summaries. */
interface KeyedListSpec<Item> {
  path: string;
  key: (item: Item) => string;
  /** Lists tried in order (MQL clauses, classification rules, territories) report moves. */
  orderMatters: boolean;
  /** Starts each sentence about a kept item: `Fit rule vp ("VP-level title")`. */
  name: (item: Item) => string;
  added: (item: Item, position: number) => string;
  removed: (item: Item) => string;
}

/**
 * The differences between two pacts, in document order. Rules are matched by their id (fit and
 * engagement rules), code (junk rules, dispositions), label (MQL clauses, classification rules) or
 * name (territories), so reordering a list is not reported as every rule changing; where order
 * decides the outcome (MQL clauses, classification rules, territories) a move is reported as
 * "moved from position 2 to 1" (positions 1-based). Other lists are compared as a whole, scalars by
 * value. Pure; never mutates its input.
 */
export function diffPacts(before: PactDocument, after: PactDocument): PactChange[] {
  const changes: PactChange[] = [];
  const options: DescribeOptions = { currency: after.currency };
  const diffObjects = (old: object, current: object, path: string, context: string): void => diffFields(old, current, path, context, options, changes);
  const diffList = <Item extends object>(old: readonly Item[], current: readonly Item[], spec: KeyedListSpec<Item>): void =>
    diffKeyedList(old, current, spec, options, changes);
  for (const key of ['name', 'defaultPhoneRegion', 'currency'] as const) {
    diffObjects({ [key]: before[key] }, { [key]: after[key] }, '', 'Pact:');
  }
  diffList(before.fitRules, after.fitRules, fitRuleSpec(options));
  diffList(before.engagementRules, after.engagementRules, engagementRuleSpec);
  diffObjects(before.grading, after.grading, 'grading', 'Grading:');
  diffList(before.mql.anyOf, after.mql.anyOf, mqlClauseSpec(options));
  const { rules: junkRulesBefore, ...junkListsBefore } = before.junk;
  const { rules: junkRulesAfter, ...junkListsAfter } = after.junk;
  diffObjects(junkListsBefore, junkListsAfter, 'junk', 'Junk:');
  diffList(junkRulesBefore, junkRulesAfter, junkRuleSpec(options));
  diffList(before.classification.rules, after.classification.rules, classificationRuleSpec(options));
  diffObjects({ defaultClass: before.classification.defaultClass }, { defaultClass: after.classification.defaultClass }, 'classification', 'Classification:');
  for (const accountClass of accountClasses) {
    const { territories: territoriesBefore, ...routingBefore } = before.routing[accountClass];
    const { territories: territoriesAfter, ...routingAfter } = after.routing[accountClass];
    diffObjects(routingBefore, routingAfter, `routing.${accountClass}`, `Routing for ${accountClass}:`);
    diffList(territoriesBefore, territoriesAfter, territorySpec(accountClass, options));
  }
  diffObjects(before.sla.calendar, after.sla.calendar, 'sla.calendar', 'SLA calendar:');
  for (const grade of grades) {
    diffObjects(before.sla.perGrade[grade], after.sla.perGrade[grade], `sla.perGrade.${grade}`, `SLA for grade ${grade}:`);
  }
  const slaRestBefore = { warnAtFraction: before.sla.warnAtFraction, escalation: before.sla.escalation };
  const slaRestAfter = { warnAtFraction: after.sla.warnAtFraction, escalation: after.sla.escalation };
  diffObjects(slaRestBefore, slaRestAfter, 'sla', 'SLA:');
  diffList(before.dispositions, after.dispositions, dispositionSpec);
  diffList(before.commitments, after.commitments, commitmentSpec);
  return changes;
}

/** The changes one per line for the CLI: `+` added, `-` removed, `~` changed. */
export function formatPactDiff(changes: readonly PactChange[]): string {
  if (changes.length === 0) return 'No changes.';
  const prefixes = { added: '+', removed: '-', changed: '~' } as const;
  return changes.map((change) => `${prefixes[change.kind]} ${change.summary}`).join('\n');
}

const fitRuleSpec = (options: DescribeOptions): KeyedListSpec<FitRule> => ({
  path: 'fitRules',
  key: (rule) => rule.id,
  orderMatters: false,
  name: (rule) => `Fit rule ${rule.id} ("${rule.label}")`,
  added: (rule) => `Added fit rule ${rule.id} ("${rule.label}", ${rule.points} points when ${describeConditions(rule.when, 'and', options)})`,
  removed: (rule) => `Removed fit rule ${rule.id} ("${rule.label}", ${rule.points} points)`,
});

const engagementRuleSpec: KeyedListSpec<EngagementRule> = {
  path: 'engagementRules',
  key: (rule) => rule.id,
  orderMatters: false,
  name: (rule) => `Engagement rule ${rule.id} ("${rule.label}")`,
  added: (rule) => {
    const extras = [rule.handRaiser ? 'raises a hand' : '', rule.maxCount === undefined ? '' : `counted at most ${rule.maxCount} times`].filter(Boolean);
    return `Added engagement rule ${rule.id} (${[`${rule.points} points`, `half-life ${rule.halfLifeDays} days`, ...extras].join(', ')})`;
  },
  removed: (rule) => `Removed engagement rule ${rule.id} ("${rule.label}", ${rule.points} points)`,
};

const mqlClauseSpec = (options: DescribeOptions): KeyedListSpec<MqlClause> => ({
  path: 'mql.anyOf',
  key: (clause) => clause.label,
  orderMatters: true,
  name: (clause) => `MQL clause "${clause.label}"`,
  added: (clause, position) => `Added MQL clause "${clause.label}" at position ${position}: ${describeConditions(clause.when, 'and', options)}`,
  removed: (clause) => `Removed MQL clause "${clause.label}"`,
});

const junkRuleSpec = (options: DescribeOptions): KeyedListSpec<JunkRule> => ({
  path: 'junk.rules',
  key: (rule) => rule.code,
  orderMatters: false,
  name: (rule) => `Junk rule ${rule.code}`,
  added: (rule) => `Added junk rule ${rule.code} ("${rule.reason}" when ${describeConditions(rule.whenAny, 'or', options)})`,
  removed: (rule) => `Removed junk rule ${rule.code} ("${rule.reason}")`,
});

const classificationRuleSpec = (options: DescribeOptions): KeyedListSpec<ClassificationRule> => ({
  path: 'classification.rules',
  key: (rule) => rule.label,
  orderMatters: true,
  name: (rule) => `Classification rule "${rule.label}"`,
  added: (rule, position) =>
    `Added classification rule "${rule.label}" at position ${position}: ${rule.class} when ${describeConditions(rule.when, 'and', options)} (priority ${rule.priority})`,
  removed: (rule) => `Removed classification rule "${rule.label}" (${rule.class})`,
});

function territorySpec(accountClass: string, options: DescribeOptions): KeyedListSpec<Territory> {
  return {
    path: `routing.${accountClass}.territories`,
    key: (territory) => territory.name,
    orderMatters: true,
    name: (territory) => `Territory "${territory.name}" for ${accountClass}`,
    added: (territory, position) =>
      `Added territory "${territory.name}" for ${accountClass} at position ${position}: ${describeConditions(territory.when, 'and', options)}, reps ${territory.reps.join(', ')}`,
    removed: (territory) => `Removed territory "${territory.name}" for ${accountClass}`,
  };
}

const dispositionSpec: KeyedListSpec<Disposition> = {
  path: 'dispositions',
  key: (disposition) => disposition.code,
  orderMatters: false,
  name: (disposition) => `Disposition ${disposition.code} ("${disposition.label}")`,
  added: (disposition) => `Added disposition ${disposition.code} ("${disposition.label}": ${dispositionOutcome(disposition)})`,
  removed: (disposition) => `Removed disposition ${disposition.code} ("${disposition.label}")`,
};

const commitmentSpec: KeyedListSpec<Commitment> = {
  path: 'commitments',
  key: (commitment) => (commitment.team === undefined ? commitment.period : `${commitment.period} for ${commitment.team}`),
  orderMatters: false,
  name: (commitment) => `Marketing commitment per ${commitment.period}${commitment.team === undefined ? '' : ` to ${commitment.team}`}:`,
  added: (commitment) => `Added marketing commitment: ${describeCommitment(commitment)}`,
  removed: (commitment) => `Removed marketing commitment: ${describeCommitment(commitment)}`,
};

function diffKeyedList<Item extends object>(
  before: readonly Item[],
  after: readonly Item[],
  spec: KeyedListSpec<Item>,
  options: DescribeOptions,
  changes: PactChange[],
): void {
  const beforeByKey = indexByKey(before, spec.key);
  const afterByKey = indexByKey(after, spec.key);
  for (const [key, { item }] of beforeByKey) {
    if (!afterByKey.has(key)) changes.push({ path: `${spec.path}[${key}]`, kind: 'removed', before: item, summary: spec.removed(item) });
  }
  const moved = spec.orderMatters ? movedKeys([...beforeByKey.keys()].filter((key) => afterByKey.has(key)), [...afterByKey.keys()].filter((key) => beforeByKey.has(key))) : new Set<string>();
  for (const [key, { item, index }] of afterByKey) {
    const path = `${spec.path}[${key}]`;
    const earlier = beforeByKey.get(key);
    if (!earlier) {
      changes.push({ path, kind: 'added', after: item, summary: spec.added(item, index + 1) });
      continue;
    }
    if (moved.has(key)) {
      const summary = `${spec.name(item)} moved from position ${earlier.index + 1} to ${index + 1}`;
      changes.push({ path, kind: 'changed', before: earlier.index + 1, after: index + 1, summary });
    }
    diffFields(earlier.item, item, path, spec.name(item), options, changes);
  }
}

/** Items by key in list order; a repeated key (which validation rejects) gets "#2", "#3" so nothing is lost. */
function indexByKey<Item>(items: readonly Item[], key: (item: Item) => string): Map<string, { item: Item; index: number }> {
  const byKey = new Map<string, { item: Item; index: number }>();
  items.forEach((item, index) => {
    let name = key(item);
    for (let occurrence = 2; byKey.has(name); occurrence += 1) name = `${key(item)}#${occurrence}`;
    byKey.set(name, { item, index });
  });
  return byKey;
}

/** Keys outside a longest common subsequence of the two orders: the fewest moves that explain the new order. */
function movedKeys(beforeOrder: readonly string[], afterOrder: readonly string[]): Set<string> {
  const rows = beforeOrder.length;
  const columns = afterOrder.length;
  const lengths = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[];
      row[j] = beforeOrder[i] === afterOrder[j] ? (lengths[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < rows && j < columns; ) {
    if (beforeOrder[i] === afterOrder[j]) {
      kept.add(beforeOrder[i] as string);
      i += 1;
      j += 1;
    } else if ((lengths[i + 1]?.[j] ?? 0) > (lengths[i]?.[j + 1] ?? 0)) i += 1;
    // On a tie keep the item that comes first in the old order, so an item moved up is the one reported.
    else j += 1;
  }
  return new Set(afterOrder.filter((key) => !kept.has(key)));
}

/** Compares two objects field by field (nested objects by dotted field name), lists and scalars as a whole. */
function diffFields(
  before: object,
  after: object,
  path: string,
  context: string,
  options: DescribeOptions,
  changes: PactChange[],
  fieldPrefix = '',
): void {
  const beforeRecord = before as Record<string, unknown>;
  const afterRecord = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(afterRecord), ...Object.keys(beforeRecord)])];
  for (const key of keys) {
    const old = beforeRecord[key];
    const current = afterRecord[key];
    if (isSameValue(old, current)) continue;
    const field = `${fieldPrefix}${key}`;
    const fieldPath = path === '' ? key : `${path}.${key}`;
    if (isPlainObject(old) && isPlainObject(current)) {
      diffFields(old, current, fieldPath, context, options, changes, `${field}.`);
      continue;
    }
    if (old === undefined) {
      changes.push({ path: fieldPath, kind: 'added', after: current, summary: `${context} ${field} set to ${describeValue(key, current, options)}` });
    } else if (current === undefined) {
      changes.push({ path: fieldPath, kind: 'removed', before: old, summary: `${context} ${field} removed (was ${describeValue(key, old, options)})` });
    } else {
      const summary = `${context} ${field} ${describeValue(key, old, options)} → ${describeValue(key, current, options)}`;
      changes.push({ path: fieldPath, kind: 'changed', before: old, after: current, summary });
    }
  }
}

const quotedFields = new Set(['label', 'reason', 'name', 'team']);

function describeValue(key: string, value: unknown, options: DescribeOptions): string {
  if (key === 'when') return describeConditions(value as Condition[], 'and', options);
  if (key === 'whenAny') return describeConditions(value as Condition[], 'or', options);
  if (typeof value === 'string') return quotedFields.has(key) ? `"${value}"` : value;
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => isSameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => isSameValue(left[key], right[key]));
  }
  return false;
}
