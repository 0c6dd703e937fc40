import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { demoCompetitorDomains } from '../../core/demo/demo-mail-domains.ts';
import type { DemoLead, DemoLifecycleStep, DemoOrganisation } from '../../core/demo/demo-organisation.ts';
import { generateDemoOrganisation } from '../../core/demo/generate-demo-organisation.ts';
import type { Database } from '../../db/database.ts';
import { captureLeads, type CaptureItem } from '../capture/capture-leads.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { countUsers } from '../team/user.repository.ts';
import { applyDemoLifecycleSteps, type ResolvedLifecycleStep } from './apply-demo-lifecycle.ts';
import { adoptDemoPact } from './adopt-demo-pact.ts';
import { countLeads, insertDemoAccounts, insertDemoCampaigns, insertDemoStaff } from './demo.repository.ts';
import { maintainBusyTables } from '../../db/maintain-busy-tables.ts';

export interface DemoLoadSummary {
  seed: number;
  teams: number;
  users: number;
  accounts: number;
  campaigns: number;
  leadsCaptured: number;
  touchesCaptured: number;
  lifecycleStepsApplied: number;
  pactVersion: number;
  seconds: number;
}

const dayMs = 86_400_000;

/**
 * Loads the demo organisation through the real pipeline: staff and accounts are inserted, the demo
 * pact (the default plus the demo's competitor domains) is proposed, approved by marketing and sales
 * and activated, then a year of leads and their later touches is captured day by day with
 * `captureLeads` — so junk, dedupe, scoring, MQL and routing happen exactly as in production — and
 * what sales did (accept, qualify, win, lose, disqualify, recycle) is applied after each day.
 */
export async function loadDemoOrganisation(db: Kysely<Database>, options: { seed: number; now: Date; leadCount?: number; accountCount?: number; logger?: Logger }): Promise<DemoLoadSummary> {
  const started = Date.now();
  const organisation = generateDemoOrganisation({ seed: options.seed, now: options.now, leadCount: options.leadCount, accountCount: options.accountCount });
  const staff = await insertDemoStaff(db, organisation);
  const pactVersion = await adoptDemoPact(db, { competitorDomains: demoCompetitorDomains, userIds: staff.userIds, organisation, now: new Date(options.now.getTime() - 366 * dayMs) });
  const accountIds = await insertDemoAccounts(db, organisation, staff.userIds);
  const campaignIds = await insertDemoCampaigns(db, organisation);
  const active = await loadActivePact(db);

  const days = scheduleByDay(organisation);
  const leadIds = new Map<string, string>();
  let leadsCaptured = 0;
  let touchesCaptured = 0;
  let lifecycleStepsApplied = 0;
  for (const [index, day] of days.entries()) {
    if (day.captures.length > 0) {
      const items: CaptureItem[] = day.captures.map((capture) => capture.item);
      const results = await captureLeads(db, { items, actor: { type: 'form', id: null, label: 'demo data' }, now: day.captures[0]!.item.capturedAt!, defaultTouchType: 'form_fill', activePact: active });
      results.forEach((result, position) => {
        const capture = day.captures[position]!;
        if (result.outcome === 'rejected') return;
        if (capture.kind === 'lead') {
          leadsCaptured += 1;
          if (!leadIds.has(capture.leadKey)) leadIds.set(capture.leadKey, result.leadId);
        } else touchesCaptured += 1;
      });
    }
    const steps: ResolvedLifecycleStep[] = day.steps.flatMap(({ lead, step }) => {
      const leadId = leadIds.get(lead.key);
      return leadId ? [{ leadId, step, opportunity: lead.opportunity, actorId: step.actorKey ? (staff.userIds.get(step.actorKey) ?? null) : null }] : [];
    });
    lifecycleStepsApplied += await applyDemoLifecycleSteps(db, steps);
    if (index % 60 === 0) options.logger?.info({ day: index, of: days.length, leadsCaptured }, 'loading demo organisation');
  }
  void accountIds;
  void campaignIds;
  // Thousands of rows just arrived: the planner must know before the first list is asked for.
  await maintainBusyTables(db);
  return {
    seed: options.seed,
    teams: organisation.teams.length,
    users: organisation.users.length,
    accounts: organisation.accounts.length,
    campaigns: organisation.campaigns.length,
    leadsCaptured,
    touchesCaptured,
    lifecycleStepsApplied,
    pactVersion,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** Loads the demo only into an empty database (no users, no leads); returns null otherwise. */
export async function loadDemoIfEmpty(db: Kysely<Database>, options: { seed: number; now: Date; logger?: Logger }): Promise<DemoLoadSummary | null> {
  if ((await countUsers(db)) > 0 || (await countLeads(db)) > 0) return null;
  options.logger?.info({ seed: options.seed }, 'empty database: loading the demo organisation');
  return loadDemoOrganisation(db, options);
}

interface DayCapture {
  kind: 'lead' | 'touch';
  leadKey: string;
  item: CaptureItem;
}

interface DaySchedule {
  captures: DayCapture[];
  steps: { lead: DemoLead; step: DemoLifecycleStep }[];
}

/** Every capture and lifecycle step, by UTC day, each day in time order. */
function scheduleByDay(organisation: DemoOrganisation): DaySchedule[] {
  const days = new Map<number, DaySchedule>();
  const dayOf = (at: Date) => {
    const key = Math.floor(at.getTime() / dayMs);
    let day = days.get(key);
    if (!day) {
      day = { captures: [], steps: [] };
      days.set(key, day);
    }
    return day;
  };
  const campaignName = new Map(organisation.campaigns.map((campaign) => [campaign.key, campaign.name]));
  for (const lead of organisation.leads) {
    dayOf(lead.capturedAt).captures.push({ kind: 'lead', leadKey: lead.key, item: { input: lead.input, capturedAt: lead.capturedAt } });
    const email = lead.input.email;
    if (email) {
      for (const touch of lead.laterTouches) {
        const campaign = touch.campaignKey ? campaignName.get(touch.campaignKey) : undefined;
        dayOf(touch.occurredAt).captures.push({
          kind: 'touch',
          leadKey: lead.key,
          item: { input: { email, touch: { type: touch.type, occurredAt: touch.occurredAt.toISOString() }, ...(campaign ? { campaign } : {}) }, capturedAt: touch.occurredAt },
        });
      }
    }
    for (const step of lead.lifecycle) dayOf(step.at).steps.push({ lead, step });
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, day]) => ({
      captures: day.captures.sort((a, b) => a.item.capturedAt!.getTime() - b.item.capturedAt!.getTime()),
      steps: day.steps.sort((a, b) => a.step.at.getTime() - b.step.at.getTime()),
    }));
}
