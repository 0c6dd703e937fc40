import type { LeadInput } from '../lead/lead-input.ts';
import type { LifecycleStage, TouchType } from '../pact/pact-schema.ts';

/**
 * The shape of the demo organisation `leadpact demo` loads: teams, users, accounts, campaigns and a
 * year of leads with what happened to them. Keys are stable strings the loader maps to database ids.
 * Money is in minor units (cents) of USD. Every instant is a UTC `Date`; dates without time are
 * `YYYY-MM-DD`.
 */

export interface DemoTeam {
  key: string;
  name: string;
  accountClass: 'field' | 'inside' | 'marketing_led';
}

export type DemoUserRole = 'admin' | 'marketing' | 'sales_manager' | 'sales_rep' | 'executive';

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: DemoUserRole;
  teamKey: string | null;
  /** Open leads the user may hold at once (0 for people who are not routed leads). */
  capacity: number;
  /** Round-robin weight, 1–3 for reps. */
  weight: number;
  awayUntil: Date | null;
  managerKey: string | null;
}

export interface DemoAccount {
  key: string;
  name: string;
  domain: string;
  website: string;
  industry: string;
  employees: number;
  annualRevenueMinor: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  ownerKey: string | null;
}

export type DemoCampaignChannel =
  | 'paid_search'
  | 'paid_social'
  | 'webinar'
  | 'event'
  | 'content'
  | 'email'
  | 'partner'
  | 'organic'
  | 'list_purchase';

export interface DemoCampaign {
  key: string;
  name: string;
  channel: DemoCampaignChannel;
  source: string;
  costMinor: number;
  currency: 'USD';
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  /** YYYY-MM-DD, inclusive. */
  endsOn: string;
}

export interface DemoTouch {
  type: TouchType;
  occurredAt: Date;
  campaignKey: string | null;
}

export interface DemoLifecycleStep {
  at: Date;
  to: LifecycleStage;
  /** The user who moved the lead; null when the system did. */
  actorKey: string | null;
  reason: string;
  dispositionCode?: string;
  /** For `recycled`: when the lead resurfaces in nurture (may lie after `now`, it is a plan). */
  recycleUntil?: Date;
}

export interface DemoOpportunity {
  valueMinor: number;
  currency: 'USD';
  /** YYYY-MM-DD; may lie after `now` for open deals. */
  expectedCloseOn: string;
  openedAt: Date;
}

/**
 * Dirt planted on purpose so the capture pipeline has something to catch. Known to the generator
 * only — for tests and the loader's sanity checks; the pipeline must find it on its own.
 */
export type DemoPlantedDirt =
  | { kind: 'resubmission'; originalLeadKey: string; variant: 'case' | 'spacing' | 'gmail_dots' | 'plus_tag' }
  | { kind: 'junk'; reason: 'disposable_mail' | 'keyboard_mash' | 'test_name' }
  | { kind: 'competitor' }
  | { kind: 'impossible_phone' };

export interface DemoLead {
  key: string;
  /** Raw, as a form or list would send it (spacing, case and spelling as people type). */
  input: LeadInput;
  capturedAt: Date;
  campaignKey: string | null;
  /** Touches after capture, chronological. */
  laterTouches: DemoTouch[];
  /**
   * What sales did, chronological, from `sal` on (or a rejection straight from the stage the
   * pipeline gave). Sales only works a lead once marketing would pass it on — on a hand-raising
   * touch with acceptable fit, or after enough engagement with good fit — so steps start after that
   * touch. Empty for leads nobody worked, for junk and for re-submissions. `actorKey` is a rep (now
   * and then the manager) of the team matching the lead's class; the loader swaps in the real owner.
   */
  lifecycle: DemoLifecycleStep[];
  opportunity: DemoOpportunity | null;
  /** 0–1, how good the lead truly is (fit and engagement plus noise). For tests only. */
  latentQuality: number;
  plantedDirt: DemoPlantedDirt | null;
}

export interface DemoOrganisation {
  seed: number;
  now: Date;
  teams: DemoTeam[];
  users: DemoUser[];
  accounts: DemoAccount[];
  campaigns: DemoCampaign[];
  /** Ordered by `capturedAt`. */
  leads: DemoLead[];
}
