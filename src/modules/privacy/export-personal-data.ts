import { normalizeEmail } from '../../core/normalize/normalize-email.ts';
import { personalDataPatterns } from '../../core/privacy/personal-data-patterns.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { textColumnsOfApplication } from './application-tables.ts';
import { listConsentsOfLeads } from './consent.repository.ts';
import { findRecordIdsOfLeads } from './erasure.repository.ts';
import { findPersonLeads } from './find-person-leads.ts';
import { isSuppressed } from './is-suppressed.ts';
import {
  listAuditEntriesAbout,
  listDuplicateCandidatesOfLeads,
  listEventsOfLeads,
  listImportRowsOfLeads,
  listOpportunitiesOfLeads,
  listTouchesOfLeads,
} from './personal-data.repository.ts';
import { personalFieldsOfAddress, personalFieldsOfLead } from './personal-fields.ts';
import { presentRecord } from './present-record.ts';
import { anyColumnMatches, selectStoredText } from './stored-text.repository.ts';

/** Everything leadpact holds on one person, as one JSON document (camelCase keys, ISO 8601 instants). */
export interface PersonalDataExport {
  exportedAt: string;
  /** The person asked to be erased: only a keyed hash of their address is kept, to refuse re-capture. */
  suppressed: boolean;
  leads: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  touches: Record<string, unknown>[];
  events: Record<string, unknown>[];
  duplicateCandidates: Record<string, unknown>[];
  opportunities: Record<string, unknown>[];
  importRows: Record<string, unknown>[];
  auditEntries: Record<string, unknown>[];
  /** Rows of any other table (job payloads, run summaries …) that mention the e-mail or phone. */
  otherRecords: { table: string; values: Record<string, unknown> }[];
}

// Listed above by their relation to the leads; the search for other mentions skips them.
const listedTables = new Set(['leads', 'lead_consents', 'touches', 'lead_events', 'duplicate_candidates', 'opportunities', 'import_rows', 'audit_log']);

/**
 * The answer to a subject access request: the person's leads (the e-mail's match key, so any
 * spelling, plus every lead joined to them by merges), with their consents, touches, events,
 * duplicate flags, opportunities, import report rows and audit entries, plus any other stored row
 * that mentions their e-mail or phone. A person leadpact holds nothing on gets an empty document,
 * not an error. The requested address itself is not echoed. Read-only.
 */
export async function exportPersonalData(db: Db, options: { email: string; now: Date }): Promise<PersonalDataExport> {
  const email = normalizeEmail(options.email);
  if (!email.ok) throw AppError.validation([{ path: 'email', message: email.reason }]);
  const leads = await findPersonLeads(db, email.matchKey, { lock: false });
  const leadIds = leads.map((lead) => lead.id);
  const identifierPattern = personalDataPatterns([personalFieldsOfAddress(email), ...leads.map(personalFieldsOfLead)]).identifiers.join('|');

  const [consents, touches, events, duplicates, opportunities, importRows, recordIds, suppressed] = await Promise.all([
    listConsentsOfLeads(db, leadIds),
    listTouchesOfLeads(db, leadIds),
    listEventsOfLeads(db, leadIds),
    listDuplicateCandidatesOfLeads(db, leadIds),
    listOpportunitiesOfLeads(db, leadIds),
    listImportRowsOfLeads(db, leadIds),
    findRecordIdsOfLeads(db, leadIds),
    isSuppressed(db, [email.matchKey]),
  ]);
  const auditEntries = await listAuditEntriesAbout(db, [...leadIds, ...recordIds], identifierPattern);

  return {
    exportedAt: options.now.toISOString(),
    suppressed: suppressed.has(email.matchKey),
    leads: leads.map(presentRecord),
    consents: consents.map(presentRecord),
    touches: touches.map(presentRecord),
    events: events.map(presentRecord),
    duplicateCandidates: duplicates.map(presentRecord),
    opportunities: opportunities.map(presentRecord),
    importRows: importRows.map(presentRecord),
    auditEntries: auditEntries.map(presentRecord),
    otherRecords: await findOtherMentions(db, identifierPattern),
  };
}

async function findOtherMentions(db: Db, identifierPattern: string): Promise<PersonalDataExport['otherRecords']> {
  const { appSchema, tables } = await textColumnsOfApplication(db);
  const found: PersonalDataExport['otherRecords'] = [];
  for (const table of tables) {
    if (table.schema === appSchema && listedTables.has(table.table)) continue;
    for (const row of await selectStoredText(db, table, table.columns, anyColumnMatches(table.columns, identifierPattern))) {
      const values = Object.fromEntries(
        table.columns.map((column) => {
          const text = row.values[column.name] ?? null;
          return [column.name, text !== null && (column.type === 'json' || column.type === 'jsonb') ? (JSON.parse(text) as unknown) : text];
        }),
      );
      found.push({ table: table.schema === appSchema ? table.table : `${table.schema}.${table.table}`, values });
    }
  }
  return found;
}
