import type { FieldIssue } from '../../errors/app-error.ts';
import { checkPactCoherence } from './check-pact-coherence.ts';
import { checkPactConditions } from './check-pact-conditions.ts';
import { explainZodIssues } from './explain-zod-issues.ts';
import type { PactDocument } from './pact-schema.ts';
import { pactDocumentSchema } from './pact-schema.ts';

export { knownFactRoots, knownLeadFields } from './known-facts.ts';

export type ValidatePactResult = { ok: true; pact: PactDocument; warnings: FieldIssue[] } | { ok: false; issues: FieldIssue[] };

const sectionOrder = Object.keys(pactDocumentSchema.shape);

/**
 * Validates a parsed pact (see `parsePactText`) and fills in its defaults. Reports every problem at
 * once, each at the dotted path of the field in the document (`fitRules.3.when.0.op`) with a message
 * a revenue-ops admin can act on, ordered by section and rule as they appear in the pact.
 *
 * Errors (the pact is refused): anything the schema rejects, condition fields that name no fact or
 * a fact not known yet at that stage (score.* and touch.* in fit, junk and classification rules),
 * values a fact can never have, rules that can never apply, repeated ids, codes, labels and names.
 * Warnings (the pact is accepted): grades no lead can reach or every lead reaches, an MQL clause
 * every D-grade lead meets, and settings that have no effect. Never throws.
 */
export function validatePact(value: unknown): ValidatePactResult {
  const parsed = pactDocumentSchema.safeParse(value, { reportInput: true });
  const document: unknown = parsed.success ? parsed.data : value;
  const coherence = checkPactCoherence(document);
  const ownErrors = [...checkPactConditions(document), ...coherence.errors];
  if (!parsed.success) {
    const schemaIssues = withoutMisleadingComparisons(explainZodIssues(parsed.error.issues, pactDocumentSchema));
    // One message per field is enough: the schema's, when it already found something there.
    const pathsWithSchemaIssues = new Set(schemaIssues.map((issue) => issue.path));
    const extra = ownErrors.filter((issue) => !pathsWithSchemaIssues.has(issue.path));
    return { ok: false, issues: inDocumentOrder(withoutRepeats([...schemaIssues, ...extra])) };
  }
  if (ownErrors.length > 0) return { ok: false, issues: inDocumentOrder(withoutRepeats(ownErrors)) };
  return { ok: true, pact: parsed.data, warnings: inDocumentOrder(coherence.warnings) };
}

/**
 * Refinements that compare two fields still run when one of those fields has a format error, and
 * then blame the wrong thing ("startTime must be before endTime" for a startTime of "9:00").
 */
const comparisonsByFieldsCompared: readonly { path: string; message: string; compares: readonly string[] }[] = [
  { path: 'sla.calendar.endTime', message: 'startTime must be before endTime', compares: ['sla.calendar.startTime', 'sla.calendar.endTime'] },
];

function withoutMisleadingComparisons(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.filter((issue) => {
    const comparison = comparisonsByFieldsCompared.find((candidate) => candidate.path === issue.path && candidate.message === issue.message);
    if (!comparison) return true;
    return !issues.some((other) => other !== issue && comparison.compares.includes(other.path));
  });
}

function withoutRepeats(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Stable sort by section (in the schema's order), then by the first list index in the path. */
function inDocumentOrder(issues: readonly FieldIssue[]): FieldIssue[] {
  const sortKey = (issue: FieldIssue): [number, number] => {
    const segments = issue.path.split('.');
    const section = sectionOrder.indexOf(segments[0] ?? '');
    const firstIndex = segments.find((segment) => /^\d+$/.test(segment));
    return [section === -1 ? -1 : section, firstIndex === undefined ? -1 : Number(firstIndex)];
  };
  return issues
    .map((issue, position) => ({ issue, position, key: sortKey(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.position - b.position)
    .map(({ issue }) => issue);
}
