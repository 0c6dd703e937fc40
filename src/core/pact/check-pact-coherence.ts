import type { FieldIssue } from '../../errors/app-error.ts';
import { evaluateCondition } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import type { Condition } from './pact-schema.ts';
import { accountClasses, conditionOperators } from './pact-schema.ts';
import { asList, asRecord } from './read-loosely.ts';

export interface CoherenceFindings {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/**
 * Checks that span several parts of the pact. Errors: keys that must be unique (rule ids, codes,
 * labels, territory names — the diff and the reports name rules by them), thresholds that do not
 * fall, a fit range upside down. Warnings: grades no lead can reach or every lead reaches, an MQL
 * clause every D-grade lead meets, escalation out of order, settings that are ignored.
 *
 * The schema checks some of the same things but skips them once any field has the wrong type; they
 * are repeated here with the schema's exact wording so that the caller can drop the duplicates and
 * the admin still sees every problem at once. Reads the document tolerantly.
 */
export function checkPactCoherence(document: unknown): CoherenceFindings {
  const pact = asRecord(document);
  const errors = [...uniquenessErrors(pact), ...gradingErrors(asRecord(pact?.grading))];
  const warnings = [...gradingWarnings(pact), ...mqlWarnings(pact), ...slaWarnings(asRecord(pact?.sla)), ...dispositionWarnings(pact)];
  return { errors, warnings };
}

function uniquenessErrors(pact: Record<string, unknown> | undefined): FieldIssue[] {
  const routing = asRecord(pact?.routing);
  return [
    ...duplicates(pact?.fitRules, 'fitRules', 'id'),
    ...duplicates(pact?.engagementRules, 'engagementRules', 'id'),
    ...duplicateTouchTypes(pact?.engagementRules),
    ...duplicates(asRecord(pact?.junk)?.rules, 'junk.rules', 'code'),
    ...duplicates(pact?.dispositions, 'dispositions', 'code'),
    ...duplicates(asRecord(pact?.mql)?.anyOf, 'mql.anyOf', 'label'),
    ...duplicates(asRecord(pact?.classification)?.rules, 'classification.rules', 'label'),
    ...accountClasses.flatMap((accountClass) =>
      duplicates(asRecord(routing?.[accountClass])?.territories, `routing.${accountClass}.territories`, 'name'),
    ),
  ];
}

/** Same wording as the schema's reportDuplicates. */
function duplicates(items: unknown, path: string, key: string): FieldIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: FieldIssue[] = [];
  asList(items).forEach((item, index) => {
    const value = asRecord(item)?.[key];
    if (typeof value !== 'string') return;
    const earlier = firstIndex.get(value);
    if (earlier === undefined) firstIndex.set(value, index);
    else issues.push({ path: `${path}.${index}.${key}`, message: `duplicate ${key} "${value}" (first at ${path}.${earlier})` });
  });
  return issues;
}

/** Same wording as the schema's check of one rule per touch type. */
function duplicateTouchTypes(rules: unknown): FieldIssue[] {
  const seen = new Map<string, number>();
  const issues: FieldIssue[] = [];
  asList(rules).forEach((rule, index) => {
    const touchType = asRecord(rule)?.touchType;
    if (typeof touchType !== 'string') return;
    const earlier = seen.get(touchType);
    if (earlier !== undefined) {
      issues.push({ path: `engagementRules.${index}.touchType`, message: `touch type ${touchType} already has a rule (engagementRules.${earlier})` });
    }
    seen.set(touchType, index);
  });
  return issues;
}

interface GradeScale {
  basis: string;
  thresholds: { A: number; B: number; C: number };
  range: [number, number];
}

function gradeScaleOf(grading: Record<string, unknown> | undefined): GradeScale | undefined {
  const thresholds = asRecord(grading?.thresholds);
  const [A, B, C] = [thresholds?.A, thresholds?.B, thresholds?.C];
  if (typeof A !== 'number' || typeof B !== 'number' || typeof C !== 'number') return undefined;
  const range = grading?.fitRange ?? [0, 100];
  const [low, high] = asList(range);
  if (typeof low !== 'number' || typeof high !== 'number') return undefined;
  return { basis: typeof grading?.basis === 'string' ? grading.basis : 'fit', thresholds: { A, B, C }, range: [low, high] };
}

function gradingErrors(grading: Record<string, unknown> | undefined): FieldIssue[] {
  const scale = gradeScaleOf(grading);
  if (!scale) return [];
  const issues: FieldIssue[] = [];
  const { A, B, C } = scale.thresholds;
  if (!(A > B && B > C)) issues.push({ path: 'grading.thresholds', message: 'thresholds must fall strictly: A > B > C' });
  const [low, high] = scale.range;
  if (low >= high) issues.push({ path: 'grading.fitRange', message: `fitRange must be [low, high] with low below high, got [${low}, ${high}]` });
  return issues;
}

/** With grades given by fit, a threshold outside the range fit is clamped to decides every lead alike. */
function gradingWarnings(pact: Record<string, unknown> | undefined): FieldIssue[] {
  const scale = gradeScaleOf(asRecord(pact?.grading));
  if (!scale || scale.basis !== 'fit') return [];
  const [low, high] = scale.range;
  if (low >= high) return [];
  const reachable = Math.min(high, maximumFitPoints(pact?.fitRules));
  const issues: FieldIssue[] = [];
  for (const grade of ['A', 'B', 'C'] as const) {
    const threshold = scale.thresholds[grade];
    const path = `grading.thresholds.${grade}`;
    if (threshold > high) {
      issues.push({ path, message: `${threshold} is above the top of fitRange (${high}), so no lead can reach grade ${grade}` });
    } else if (threshold <= low) {
      issues.push({ path, message: `${threshold} is at or below the bottom of fitRange (${low}), so every lead gets at least grade ${grade}` });
    } else if (threshold > reachable) {
      issues.push({ path, message: `the fit rules add up to at most ${reachable} points, so no lead can reach grade ${grade}` });
    }
  }
  return issues;
}

/** The most fit points one lead can collect: every rule with positive points firing at once. */
function maximumFitPoints(fitRules: unknown): number {
  return asList(fitRules).reduce<number>((sum, rule) => {
    const points = asRecord(rule)?.points;
    return typeof points === 'number' && points > 0 ? sum + points : sum;
  }, 0);
}

/** An MQL clause every D-grade lead meets makes grade D meaningless for MQLs. */
function mqlWarnings(pact: Record<string, unknown> | undefined): FieldIssue[] {
  const scale = gradeScaleOf(asRecord(pact?.grading));
  const issues: FieldIssue[] = [];
  asList(asRecord(pact?.mql)?.anyOf).forEach((clause, index) => {
    const conditions = asList(asRecord(clause)?.when);
    if (conditions.length === 0) return;
    if (conditions.every((condition) => holdsForEveryGradeDLead(condition, scale))) {
      issues.push({ path: `mql.anyOf.${index}`, message: 'every D-grade lead meets this clause, so leads with the poorest fit become MQLs' });
    }
  });
  return issues;
}

function holdsForEveryGradeDLead(raw: unknown, scale: GradeScale | undefined): boolean {
  const condition = asRecord(raw);
  const { field, op, value } = condition ?? {};
  if (typeof field !== 'string' || typeof op !== 'string' || !(conditionOperators as readonly string[]).includes(op)) return false;
  if (field.startsWith('score.') && op === 'exists') return true;
  if (field === 'score.grade') return evaluateCondition(condition as unknown as Condition, gradeDFacts);
  if (field === 'score.fit' && scale?.basis === 'fit' && typeof value === 'number') {
    // A D-grade lead's fit lies in [bottom of fitRange, threshold C).
    if (op === 'lt' || op === 'lte') return value >= scale.thresholds.C;
    if (op === 'gte') return value <= scale.range[0];
  }
  return false;
}

const gradeDFacts: LeadFacts = {
  lead: {},
  account: null,
  email: { domain: null, kind: 'missing' },
  phone: { valid: null },
  name: { keyboard_mash: false, test: false },
  score: { grade: 'D', fit: 0, engagement: 0, total: 0 },
};

function slaWarnings(sla: Record<string, unknown> | undefined): FieldIssue[] {
  const escalation = asRecord(sla?.escalation);
  const notify = escalation?.notifyManagerAfterBreachHours;
  const reassign = escalation?.reassignAfterBreachHours;
  if (typeof notify !== 'number' || typeof reassign !== 'number' || reassign >= notify) return [];
  return [
    {
      path: 'sla.escalation.reassignAfterBreachHours',
      message: `the lead is reassigned (${reassign} h after the breach) before the manager is notified (${notify} h)`,
    },
  ];
}

function dispositionWarnings(pact: Record<string, unknown> | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  asList(pact?.dispositions).forEach((item, index) => {
    const disposition = asRecord(item);
    if (disposition?.recycleAfterDays !== undefined && disposition.action !== 'recycle' && typeof disposition.action === 'string') {
      issues.push({
        path: `dispositions.${index}.recycleAfterDays`,
        message: `ignored: only a recycle disposition brings the lead back after a number of days (this one is ${disposition.action})`,
      });
    }
  });
  return issues;
}

