import { lifecycleStages, openStages, type LifecycleStage } from '../../core/pact/pact-schema.ts';

export interface LeadCounts {
  total: number;
  /** Leads still being worked: inquiry, MQL, SAL, SQL. */
  open: number;
  /** Every stage, zero included, so a client never has to guess a missing key. */
  byStage: Record<LifecycleStage, number>;
}

/** Totals of an account's live leads from their counts by stage (stages not given count 0). */
export function leadCountsOf(byStage: Partial<Record<LifecycleStage, number>> | undefined): LeadCounts {
  const full = Object.fromEntries(lifecycleStages.map((stage) => [stage, byStage?.[stage] ?? 0])) as Record<LifecycleStage, number>;
  const total = lifecycleStages.reduce((sum, stage) => sum + full[stage], 0);
  const open = openStages.reduce((sum, stage) => sum + full[stage], 0);
  return { total, open, byStage: full };
}
