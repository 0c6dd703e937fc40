import type { AccessContext } from '../../core/access/access-context.ts';
import { parsePactText } from '../../core/pact/parse-pact-text.ts';
import { validatePact } from '../../core/pact/validate-pact.ts';
import type { PactDocument } from '../../core/pact/pact-schema.ts';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldIssue } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { listTeams, listUsers } from '../team/user.repository.ts';
import { insertPactVersion, nextPactVersionNumber } from './pact-version.repository.ts';

export interface ProposedPact {
  version: number;
  id: string;
  warnings: FieldIssue[];
}

/**
 * Parses (JSON or YAML text, or an object), validates and stores a pact as a new draft version.
 * A pact with any error is refused whole (nothing is stored) with every problem and its path.
 * Warnings — a team the routing names that does not exist yet, a territory rep who is not a
 * member of its team — are returned but do not block the draft. Admins and marketing propose
 * (403 for others); sales has its say by approving.
 */
export async function proposePactVersion(
  db: Db,
  options: { document: unknown; note?: string | null; actor: AuditActor; createdBy: string | null; access: AccessContext },
): Promise<ProposedPact> {
  assertRoleMay(options.access, 'pact:propose');
  const candidate = typeof options.document === 'string' ? parseOrThrow(options.document) : options.document;
  const validation = validatePact(candidate);
  if (!validation.ok) throw AppError.validation(validation.issues, `the pact has ${validation.issues.length} problem(s); first: ${validation.issues[0]?.path}: ${validation.issues[0]?.message}`);
  const warnings = [...validation.warnings, ...(await checkPactAgainstOrganisation(db, validation.pact))];
  const version = await nextPactVersionNumber(db);
  const row = await insertPactVersion(db, { version, status: 'draft', document: validation.pact, note: options.note ?? null, createdBy: options.createdBy });
  await recordAudit(db, { actor: options.actor, action: 'create', entityType: 'pact_version', entityId: row.id, newValues: { version, status: 'draft', note: row.note, created_by: row.created_by } });
  return { version, id: row.id, warnings };
}

function parseOrThrow(text: string): unknown {
  const parsed = parsePactText(text);
  if (!parsed.ok) throw AppError.validation(parsed.issues);
  return parsed.value;
}

/** Problems that only the organisation's data can reveal: unknown teams, territory reps outside their team. */
export async function checkPactAgainstOrganisation(db: Db, pact: PactDocument): Promise<FieldIssue[]> {
  const teams = await listTeams(db);
  const users = await listUsers(db);
  const warnings: FieldIssue[] = [];
  for (const accountClass of ['field', 'inside', 'marketing_led'] as const) {
    const routing = pact.routing[accountClass];
    const team = teams.find((candidate) => candidate.name === routing.team);
    if (!team) {
      warnings.push({ path: `routing.${accountClass}.team`, message: `no team named "${routing.team}" yet; ${accountClass} leads stay unassigned until it exists` });
      continue;
    }
    routing.territories.forEach((territory, territoryIndex) => {
      territory.reps.forEach((email, repIndex) => {
        const user = users.find((candidate) => candidate.email === email.toLowerCase());
        if (!user || user.team_id !== team.id) {
          warnings.push({ path: `routing.${accountClass}.territories.${territoryIndex}.reps.${repIndex}`, message: `${email} is not a rep of team "${routing.team}"` });
        }
      });
    });
  }
  return warnings;
}
