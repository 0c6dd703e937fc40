import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { groupCaptureItems, type PreparedItem } from '../../core/capture/group-capture-items.ts';
import type { LeadInput } from '../../core/lead/lead-input.ts';
import { normalizeLeadInput } from '../../core/normalize/normalize-lead.ts';
import type { Grade, TouchType } from '../../core/pact/pact-schema.ts';
import type { ActorType, CampaignRow, Database, Db, LeadRow, StageValue } from '../../db/database.ts';
import type { FieldIssue } from '../../errors/app-error.ts';
import { loadActivePact, type ActivePact } from '../pact/load-active-pact.ts';
import { likelyDuplicateKeys } from '../../core/dedupe/duplicate-keys.ts';
import { resolveIdentityMatches } from '../leads/lead.repository.ts';
import { findTouchesForLeads, type TouchForLead } from '../leads/touch.repository.ts';
import { findAccountsByIds } from '../accounts/account.repository.ts';
import { findCampaignNamesByIds } from '../campaigns/campaign.repository.ts';
import { findCaptureContext, type CaptureContext, type MatchedAccount } from './capture-context.repository.ts';
import { flagLikelyDuplicates } from './flag-likely-duplicates.ts';
import { accountDomainOf, matchAccounts } from './match-accounts.ts';
import { mergeNormalized, planExistingLead, planNewLead, type LeadWritePlan } from './plan-lead-write.ts';
import { decideRouting } from './route-leads.ts';
import { writeCapturePlans } from './write-capture-plans.ts';
import { suppressedPersonIssue } from '../privacy/is-suppressed.ts';
import { suppressionHash } from '../../core/privacy/suppression-hash.ts';
import { cachedSuppressionKey, findCaptureReferences } from './capture-references.repository.ts';
import { recordCaptureConsents } from '../privacy/record-consents.ts';
import { auditEntriesForCapturePlans, auditEntriesForCreatedRows } from '../audit/capture-plan-audit.ts';
import { auditActorOfCapture } from '../audit/record-audit.ts';

export interface CaptureItem {
  input: LeadInput;
  /** Identifies the interaction itself (an import row's content hash); re-sending it adds nothing. */
  touchKey?: string;
  /** When the lead was captured (historical loads); defaults to the batch's `now`. */
  capturedAt?: Date;
  /** Junk whatever the pact says (a filled-in honeypot). Never adds anything to an existing lead. */
  forcedJunk?: { code: string; reason: string };
}

export interface CaptureActor {
  type: ActorType;
  id: string | null;
  /** Shown in the timeline: "API", "import leads.csv", "web form". */
  label: string;
}

export type CaptureResult =
  | { outcome: 'created' | 'merged' | 'junk'; leadId: string; stage: StageValue; grade: Grade | null; changed: boolean; warnings: FieldIssue[] }
  | { outcome: 'rejected'; issues: FieldIssue[] };

export interface CaptureOptions {
  items: readonly CaptureItem[];
  actor: CaptureActor;
  now: Date;
  /** Touch type of items that do not say (API and forms: form_fill; imports: import). */
  defaultTouchType: TouchType;
  /** Use this pact instead of reading the active one (the demo loader passes it once). */
  activePact?: ActivePact;
  /** These same items already normalized (see prepareCaptureBatch); its pact is then the one used. */
  prepared?: PreparedCaptureBatch;
}

/** A batch normalized and validated against a pact: the first step of captureLeads, done ahead. */
export interface PreparedCaptureBatch {
  items: readonly CaptureItem[];
  activePact: ActivePact;
  /** The rejected items' results, by position; the others are decided by the capture. */
  results: (CaptureResult | undefined)[];
  prepared: PreparedItem[];
}

/**
 * Normalizes and validates a batch against a pact: CPU work only, no database. A caller that writes
 * batches one after another (an import) prepares the next batch while the database writes the
 * current one, then passes it to captureLeads as `prepared`.
 */
export function prepareCaptureBatch(items: readonly CaptureItem[], activePact: ActivePact): PreparedCaptureBatch {
  const results: (CaptureResult | undefined)[] = new Array(items.length);
  const prepared: PreparedItem[] = [];
  items.forEach((item, index) => {
    const normalized = normalizeLeadInput(item.input, {
      defaultPhoneRegion: activePact.pact.defaultPhoneRegion,
      extraFreeMailDomains: activePact.pact.junk.extraFreeMailDomains,
    });
    if (normalized.ok) prepared.push({ index, lead: normalized.lead, warnings: normalized.warnings, ...(item.forcedJunk ? { forcedJunk: item.forcedJunk } : {}) });
    else results[index] = { outcome: 'rejected', issues: normalized.issues };
  });
  return { items, activePact, results, prepared };
}

/** Thrown inside the transaction when a concurrent capture created one of our people (or company domains) first. */
class ConcurrentCaptureConflict extends Error {}

/** Thrown inside the transaction when the pact the batch was normalized under is no longer the active one. */
class ActivePactChanged extends Error {}

/**
 * The pact each database last captured under. The next capture normalizes with it and checks, in its
 * transaction's first statement, that it is still the active one (reloading and starting over when
 * it is not), instead of asking before every batch.
 */
const lastActivePact = new WeakMap<Kysely<Database>, ActivePact>();

/** PostgreSQL aborted one of two captures waiting on each other's rows: the loser is retried like a conflict. */
function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40P01';
}

const maxAttempts = 4;

/**
 * The one capture path — API, web forms, CSV imports and the demo all come through here:
 * normalize → validate → (junk) → dedupe → match account → score → lifecycle → classify and route,
 * for a batch of items in one transaction. Every item gets exactly one result: created, merged,
 * junk or rejected (with the field and reason). A batch that races another capture for the same
 * person is retried against the winner, so one person never becomes two leads.
 */
export async function captureLeads(db: Kysely<Database>, options: CaptureOptions): Promise<CaptureResult[]> {
  if (options.prepared && options.prepared.items !== options.items) throw new Error('captureLeads: `prepared` was made from other items');
  // A pact the caller chose is used as given; otherwise the active one, checked in the transaction.
  const checkPact = !options.prepared && !options.activePact;
  let { batch, campaigns } = await resolveReferences(db, options.prepared ?? prepareCaptureBatch(options.items, options.activePact ?? lastActivePact.get(db) ?? (await loadActivePact(db))));
  if (batch.prepared.length === 0) return batch.results as CaptureResult[];

  for (let attempt = 1; ; attempt += 1) {
    const { activePact, results, prepared } = batch;
    try {
      const captured = await db.transaction().execute((trx) => captureInTransaction(trx, options, activePact, prepared, campaigns, checkPact));
      if (checkPact) lastActivePact.set(db, activePact);
      for (const [index, result] of captured) results[index] = result;
      return results as CaptureResult[];
    } catch (error) {
      if (error instanceof ActivePactChanged && attempt < maxAttempts) {
        const active = await loadActivePact(db);
        lastActivePact.set(db, active);
        ({ batch, campaigns } = await resolveReferences(db, prepareCaptureBatch(options.items, active)));
        if (batch.prepared.length === 0) return batch.results as CaptureResult[];
        continue;
      }
      if (!(error instanceof ConcurrentCaptureConflict || isDeadlock(error)) || attempt >= maxAttempts) throw error;
    }
  }
}

/**
 * What a batch names outside itself, in one statement before its transaction: people who asked to
 * be erased are refused whatever the spelling of their address (the suppression list holds their
 * match keys' HMACs; each such item is rejected naming `email`, nothing is stored), and the
 * campaigns the others name are found (an unknown one is kept as `attributes.campaign_unmatched`,
 * with a warning).
 */
async function resolveReferences(db: Kysely<Database>, batch: PreparedCaptureBatch): Promise<{ batch: PreparedCaptureBatch; campaigns: Map<string, CampaignRow> }> {
  const matchKeys = [...new Set(batch.prepared.flatMap((item) => (item.lead.emailMatchKey ? [item.lead.emailMatchKey] : [])))];
  const secret = matchKeys.length > 0 ? await cachedSuppressionKey(db) : '';
  const matchKeyByHash = new Map(matchKeys.map((key) => [suppressionHash(secret, key), key]));
  const references = await findCaptureReferences(db, {
    campaignReferences: [...new Set(batch.prepared.map((item) => item.lead.campaign).filter((name): name is string => name !== null))],
    suppressionHashes: [...matchKeyByHash.keys()],
  });
  if (references.suppressedHashes.size > 0) {
    const suppressed = new Set([...references.suppressedHashes].map((hash) => matchKeyByHash.get(hash)!));
    for (const item of batch.prepared) {
      if (item.lead.emailMatchKey && suppressed.has(item.lead.emailMatchKey)) batch.results[item.index] = { outcome: 'rejected', issues: [suppressedPersonIssue] };
    }
    batch = { ...batch, prepared: batch.prepared.filter((item) => batch.results[item.index] === undefined) };
  }

  const byReference = new Map<string, CampaignRow>();
  for (const row of references.campaigns) {
    byReference.set(row.id, row);
    byReference.set(row.name, row);
  }
  for (const item of batch.prepared) {
    const reference = item.lead.campaign;
    if (reference !== null && !byReference.has(reference)) {
      item.warnings.push({ path: 'campaign', message: `no campaign "${reference}"; kept as attributes.campaign_unmatched` });
      item.lead.attributes = { ...item.lead.attributes, campaign_unmatched: reference };
    }
  }
  return { batch, campaigns: byReference };
}

async function captureInTransaction(
  trx: Db,
  options: CaptureOptions,
  active: ActivePact,
  prepared: readonly PreparedItem[],
  campaigns: Map<string, CampaignRow>,
  checkPact: boolean,
): Promise<Map<number, CaptureResult>> {
  const { pact } = active;
  const groups = groupCaptureItems(prepared);
  const touchesByGroup = new Map(groups.map((group) => [group, group.items.map((item) => touchOf(item, options, campaigns, group.emailKey ?? group.externalKey?.id ?? randomUUID()))]));
  // Everything the batch might need is read at once, before we know who is new: the accounts and
  // duplicate keys of every person (only the new people's are used).
  const mergedLeads = groups.map((group) => mergeNormalized(group.items[0]!.lead, group.items.slice(1).map((item) => item.lead)));
  const duplicateKeys = mergedLeads.flatMap((lead) => likelyDuplicateKeys(lead));
  const context = await findCaptureContext(trx, {
    emailKeys: groups.flatMap((group) => (group.emailKey ? [group.emailKey] : [])),
    externalKeys: groups.flatMap((group) => (group.externalKey ? [group.externalKey] : [])),
    accountDomains: [...new Set(groups.flatMap((group) => accountDomainOf(group.items[0]!.lead) ?? []))],
    touchKeys: [...touchesByGroup.values()].flat().map((touch) => touch.dedupe_key),
    phones: [...new Set(duplicateKeys.filter((key) => key.kind === 'phone').map((key) => key.key))],
    nameKeys: [...new Set(duplicateKeys.filter((key) => key.kind === 'name_at_company').map((key) => key.key))],
    activePactVersion: checkPact,
  });
  if (checkPact && context.activePactVersionId !== active.versionId) throw new ActivePactChanged();
  const { byEmailKey, byExternalKey } = await resolveIdentityMatches(trx, context.identityRows);

  const newGroups = [];
  const mergeGroups = [];
  for (const group of groups) {
    const target =
      (group.emailKey ? byEmailKey.get(group.emailKey) : undefined) ??
      (group.externalKey ? byExternalKey.get(`${group.externalKey.source}:${group.externalKey.id}`) : undefined);
    const sameTarget = target ? mergeGroups.find((candidate) => candidate.target.id === target.id) : undefined;
    if (sameTarget) sameTarget.group.items.push(...group.items);
    else if (target) mergeGroups.push({ group, target });
    else newGroups.push(group);
  }

  const accounts = matchAccounts(
    [...newGroups.map((group) => group.items[0]!.lead), ...mergeGroups.filter(({ target }) => target.account_id === null).map(({ group }) => group.items[0]!.lead)],
    context.accounts,
    pact,
  );
  const storedTouchKeys = context.storedTouchKeys;
  const priorTouches = await touchesOfTargets(trx, mergeGroups.map(({ target }) => target.id), context);
  const targetReferences = await storedReferencesOfTargets(trx, mergeGroups.map(({ target }) => target), context.accounts, campaigns);

  const plans: LeadWritePlan[] = [];
  for (const group of newGroups) {
    const first = group.items[0]!;
    const account = accounts.byDomain.get(accountDomainOf(first.lead) ?? '') ?? null;
    plans.push(planNewLead({ group, account, touches: freshTouches(touchesByGroup.get(group)!, storedTouchKeys), pact, versionId: active.versionId, actor: options.actor, campaigns, now: itemTime(options, first.index) }));
  }
  for (const { group, target } of mergeGroups) {
    const account = target.account_id === null ? (accounts.byDomain.get(accountDomainOf(group.items[0]!.lead) ?? '') ?? null) : null;
    const storedAccount = target.account_id ? (targetReferences.accounts.get(target.account_id) ?? null) : null;
    const campaignName = target.campaign_id ? (targetReferences.campaignNames.get(target.campaign_id) ?? null) : null;
    const previous = priorTouches.filter((touch) => touch.lead_id === target.id);
    plans.push(
      planExistingLead({
        group,
        target,
        account,
        storedAccount,
        campaignName,
        previousTouches: previous,
        touches: freshTouches(touchesByGroup.get(group)!, storedTouchKeys),
        pact,
        versionId: active.versionId,
        actor: options.actor,
        now: itemTime(options, group.items[0]!.index),
      }),
    );
  }

  const toRoute = plans.filter((plan) => plan.needsRouting);
  const { routed, counters } = await decideRouting(
    trx,
    toRoute.map((plan) => ({ facts: plan.facts, accountClass: plan.accountClass, accountOwnerId: plan.accountOwnerId, now: plan.now })),
    pact,
  );
  toRoute.forEach((plan, position) => plan.applyRouting(routed[position]!, options.actor));

  // In the same transaction — the same statement — as the leads: a capture is audited, or it did not happen.
  const auditActor = auditActorOfCapture(options.actor);
  const audit = [
    ...auditEntriesForCreatedRows(auditActor, 'account', accounts.toCreate),
    ...auditEntriesForCapturePlans(plans, { actor: options.actor, existing: mergeGroups.map(({ target }) => target) }),
  ];
  const insertedAll = await writeCapturePlans(trx, plans, accounts.toCreate, { repCounters: counters, audit });
  if (!insertedAll) throw new ConcurrentCaptureConflict();
  // Consents are kept with the lead, or neither happened.
  await recordCaptureConsents(trx, plans, options.items, options.now);
  await flagLikelyDuplicates(trx, plans, context.duplicateMatches, options.actor, options.now);

  const results = new Map<number, CaptureResult>();
  for (const plan of plans) {
    plan.group.items.forEach((item, position) => {
      const outcome = plan.stage === 'junk' || item.forcedJunk ? 'junk' : plan.kind === 'new' && position === 0 ? 'created' : 'merged';
      results.set(item.index, { outcome, leadId: plan.leadId, stage: plan.stage, grade: plan.grade, changed: plan.changed, warnings: item.warnings });
    });
  }
  return results;
}

/** Every touch of the merge targets: read with the context, except for survivors reached by following a merge. */
async function touchesOfTargets(trx: Db, targetIds: readonly string[], context: CaptureContext): Promise<TouchForLead[]> {
  const read = new Set(context.identityRows.map((row) => row.id));
  const missing = targetIds.filter((id) => !read.has(id));
  if (missing.length === 0) return context.touchesOfIdentityRows;
  return [...context.touchesOfIdentityRows, ...(await findTouchesForLeads(trx, missing))].sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
}

/**
 * The account and campaign name each merge target already has, so a lead rescored by a later
 * capture is scored on the same facts as rescoring reads from the database (its account's
 * firmographics, its own campaign). Most are already known (the batch read accounts by domain, the
 * campaigns it names); only the rest is read, at most one statement each.
 */
async function storedReferencesOfTargets(
  trx: Db,
  targets: readonly LeadRow[],
  knownAccounts: readonly MatchedAccount[],
  knownCampaigns: ReadonlyMap<string, CampaignRow>,
): Promise<{ accounts: Map<string, MatchedAccount>; campaignNames: Map<string, string> }> {
  const accounts = new Map(knownAccounts.map((account) => [account.id, account]));
  const campaignNames = new Map([...knownCampaigns.values()].map((campaign) => [campaign.id, campaign.name]));
  const missingAccounts = targets.flatMap((target) => (target.account_id && !accounts.has(target.account_id) ? [target.account_id] : []));
  const missingCampaigns = targets.flatMap((target) => (target.campaign_id && !campaignNames.has(target.campaign_id) ? [target.campaign_id] : []));
  for (const account of await findAccountsByIds(trx, missingAccounts)) accounts.set(account.id, account);
  for (const [id, name] of await findCampaignNamesByIds(trx, missingCampaigns)) campaignNames.set(id, name);
  return { accounts, campaignNames };
}

function itemTime(options: CaptureOptions, index: number): Date {
  return options.items[index]?.capturedAt ?? options.now;
}

export interface PlannedTouch {
  id: string;
  campaign_id: string | null;
  type: TouchType;
  occurred_at: Date;
  source: string | null;
  channel: string | null;
  dedupe_key: string;
  detail: Record<string, unknown> | null;
}

function touchOf(item: PreparedItem, options: CaptureOptions, campaigns: Map<string, CampaignRow>, identity: string): PlannedTouch {
  const input = options.items[item.index]!;
  const at = input.capturedAt ?? options.now;
  const type = input.input.touch?.type ?? options.defaultTouchType;
  const occurredAt = input.input.touch?.occurredAt ? new Date(input.input.touch.occurredAt) : at;
  const campaign = item.lead.campaign ? (campaigns.get(item.lead.campaign) ?? null) : null;
  const dedupeKey = createHash('sha256')
    .update(input.touchKey ? `row|${identity}|${input.touchKey}` : `touch|${identity}|${type}|${occurredAt.toISOString()}|${item.lead.source ?? ''}|${campaign?.id ?? ''}`)
    .digest('base64url');
  return {
    id: randomUUID(),
    campaign_id: campaign?.id ?? null,
    type,
    occurred_at: occurredAt,
    source: item.lead.source ?? campaign?.source ?? null,
    channel: campaign?.channel ?? null,
    dedupe_key: dedupeKey,
    detail: input.input.touch?.detail ? { ...input.input.touch.detail } : null,
  };
}

/** Touches not stored before and not repeated within the batch. */
function freshTouches(touches: readonly PlannedTouch[], stored: ReadonlySet<string>): PlannedTouch[] {
  const seen = new Set<string>();
  return touches.filter((touch) => {
    if (stored.has(touch.dedupe_key) || seen.has(touch.dedupe_key)) return false;
    seen.add(touch.dedupe_key);
    return true;
  });
}

