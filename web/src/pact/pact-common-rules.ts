import { describeFactField } from '../../../src/core/pact/describe-condition.ts';
import { pathText, valueAt, type PactPath } from './pact-text.ts';

/** One number of the pact the form edits, at its place in the document. */
export interface CommonRuleField {
  path: PactPath;
  /** The dotted path the server's issues use for this field (`grading.thresholds.A`). */
  key: string;
  label: string;
  /** What is there now: a number normally, anything while the document is being fixed. */
  value: unknown;
  unit?: string;
}

/** A group of fields; `key` is where the server reports problems about the group as a whole. */
export interface CommonRuleGroup {
  id: string;
  key: string;
  title: string;
  description: string;
  fields: CommonRuleField[];
}

const numericComparisons: Readonly<Record<string, string>> = { gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most', eq: 'exactly' };
const grades = ['A', 'B', 'C', 'D'] as const;

function field(path: PactPath, label: string, value: unknown, unit?: string): CommonRuleField {
  return { path, key: pathText(path), label, value, ...(unit ? { unit } : {}) };
}

function listAt(document: unknown, path: PactPath): unknown[] {
  const value = valueAt(document, path);
  return Array.isArray(value) ? value : [];
}

function textAt(value: unknown, path: PactPath, fallback: string): string {
  const text = valueAt(value, path);
  return typeof text === 'string' && text.trim() !== '' ? text : fallback;
}

/**
 * The numbers most pact changes touch — grade thresholds, the MQL clauses' score limits, rule
 * points, response times and marketing's commitments — as form fields, read from whatever the raw
 * editor holds. Only fields whose place exists in the document are offered (a field the document
 * lacks would be added by the form, which is the raw editor's job); everything else is edited raw.
 */
export function commonRuleGroups(document: unknown): CommonRuleGroup[] {
  const groups: CommonRuleGroup[] = [];

  const thresholds = valueAt(document, ['grading', 'thresholds']);
  if (thresholds !== null && typeof thresholds === 'object') {
    const basis = valueAt(document, ['grading', 'basis']) === 'total' ? 'fit and engagement points' : 'fit points';
    groups.push({
      id: 'grades',
      key: 'grading.thresholds',
      title: 'Grades',
      description: `The least ${basis} for each grade; below C is D. They must fall: A > B > C.`,
      fields: (['A', 'B', 'C'] as const).map((grade) => field(['grading', 'thresholds', grade], `Grade ${grade} from`, valueAt(thresholds, [grade]), 'points')),
    });
  }

  const mqlFields: CommonRuleField[] = [];
  listAt(document, ['mql', 'anyOf']).forEach((clause, clauseIndex) => {
    listAt(clause, ['when']).forEach((condition, conditionIndex) => {
      const op = valueAt(condition, ['op']);
      const fieldName = valueAt(condition, ['field']);
      const comparison = typeof op === 'string' ? numericComparisons[op] : undefined;
      const value = valueAt(condition, ['value']);
      // Only limits on numbers (engagement ≥ 40); lists of grades and flags are edited raw. A limit
      // stays a field while its value is being fixed (the comparison operators need a number anyway).
      const isLimit = op === 'eq' ? typeof value === 'number' : !Array.isArray(value);
      if (!comparison || typeof fieldName !== 'string' || !isLimit) return;
      const label = `${textAt(clause, ['label'], `Clause ${clauseIndex + 1}`)}: ${describeFactField(fieldName)} ${comparison}`;
      mqlFields.push(field(['mql', 'anyOf', clauseIndex, 'when', conditionIndex, 'value'], label, value));
    });
  });
  if (mqlFields.length > 0) {
    groups.push({ id: 'mql', key: 'mql', title: 'MQL limits', description: 'The score limits in the MQL definition; a lead qualifies when any one clause holds.', fields: mqlFields });
  }

  const fitFields = listAt(document, ['fitRules']).map((rule, index) => field(['fitRules', index, 'points'], textAt(rule, ['label'], `Fit rule ${index + 1}`), valueAt(rule, ['points']), 'points'));
  if (fitFields.length > 0) {
    groups.push({ id: 'fit', key: 'fitRules', title: 'Fit points', description: 'Points each fit rule adds when all its conditions hold (−100 to 100).', fields: fitFields });
  }

  const engagementFields = listAt(document, ['engagementRules']).map((rule, index) =>
    field(['engagementRules', index, 'points'], textAt(rule, ['label'], `Engagement rule ${index + 1}`), valueAt(rule, ['points']), 'points'),
  );
  if (engagementFields.length > 0) {
    groups.push({ id: 'engagement', key: 'engagementRules', title: 'Engagement points', description: 'Points per touch, halved with every half-life that passes.', fields: engagementFields });
  }

  const slaFields = grades.flatMap((grade) => {
    const perGrade = valueAt(document, ['sla', 'perGrade', grade]);
    if (perGrade === null || typeof perGrade !== 'object') return [];
    return [
      field(['sla', 'perGrade', grade, 'acceptWithinHours'], `Grade ${grade}: accept within`, valueAt(perGrade, ['acceptWithinHours']), 'business hours'),
      field(['sla', 'perGrade', grade, 'firstAttemptWithinHours'], `Grade ${grade}: first attempt within`, valueAt(perGrade, ['firstAttemptWithinHours']), 'business hours'),
    ];
  });
  if (slaFields.length > 0) {
    groups.push({ id: 'sla', key: 'sla.perGrade', title: 'Response times', description: 'How fast sales accepts a lead and makes the first attempt, by grade.', fields: slaFields });
  }

  const commitmentFields = listAt(document, ['commitments']).flatMap((commitment, index) => {
    const period = textAt(commitment, ['period'], 'period');
    const team = textAt(commitment, ['team'], 'all teams');
    return [
      field(['commitments', index, 'mqlVolume'], `MQLs per ${period} to ${team}`, valueAt(commitment, ['mqlVolume']), 'MQLs'),
      field(['commitments', index, 'mqlToSqlFloor'], `Share becoming SQLs (${period}, ${team})`, valueAt(commitment, ['mqlToSqlFloor']), '0–1'),
    ];
  });
  if (commitmentFields.length > 0) {
    groups.push({ id: 'commitments', key: 'commitments', title: 'What marketing owes', description: 'MQL volume per period and the least share of MQLs that become SQLs.', fields: commitmentFields });
  }

  return groups;
}

/**
 * What a form field's text becomes in the document: a number when it reads as one, else the text
 * itself, so the server's validation names the problem at this field rather than the form hiding it.
 */
export function fieldInputValue(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  return text;
}

/** How a field's current value shows in its input. */
export function fieldInputText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
