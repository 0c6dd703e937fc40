import type { FieldIssue } from '../../errors/app-error.ts';
import type { Disposition, LifecycleStage } from '../pact/pact-schema.ts';

export interface StageChangeDetails {
  dispositionCode: string | null;
  recycleUntil: Date | null;
}

/**
 * What a lead carries into its new stage, checked against the pact: `disqualified` needs a
 * disposition code of the pact; `recycled` needs a date after `now` to resurface, or a disposition
 * whose action recycles (the date is then `now` + its recycleAfterDays). Other stages carry
 * neither (a lead leaving disqualified or recycled drops both; the timeline keeps them). Pure.
 */
export function stageChangeDetails(options: {
  to: LifecycleStage;
  dispositionCode: string | undefined;
  recycleUntil: string | undefined;
  dispositions: readonly Disposition[];
  now: Date;
}): { ok: true; details: StageChangeDetails } | { ok: false; issues: FieldIssue[] } {
  const { to, now } = options;
  if (to !== 'disqualified' && to !== 'recycled') return { ok: true, details: { dispositionCode: null, recycleUntil: null } };
  const issues: FieldIssue[] = [];
  const disposition = options.dispositionCode === undefined ? undefined : options.dispositions.find((candidate) => candidate.code === options.dispositionCode);
  if (options.dispositionCode !== undefined && !disposition) {
    issues.push({ path: 'dispositionCode', message: `"${options.dispositionCode}" is not a disposition of the active pact; use one of ${options.dispositions.map((d) => d.code).join(', ')}` });
  }
  if (to === 'disqualified') {
    if (options.dispositionCode === undefined) issues.push({ path: 'dispositionCode', message: 'disqualifying a lead needs the disposition (the reason sales owes marketing)' });
    return issues.length > 0 ? { ok: false, issues } : { ok: true, details: { dispositionCode: disposition!.code, recycleUntil: null } };
  }
  let recycleUntil: Date | null = null;
  if (options.recycleUntil !== undefined) {
    recycleUntil = new Date(options.recycleUntil);
    if (recycleUntil.getTime() <= now.getTime()) issues.push({ path: 'recycleUntil', message: 'must be in the future: it is when the lead may resurface' });
  } else if (disposition?.action === 'recycle' && disposition.recycleAfterDays !== undefined) {
    recycleUntil = new Date(now.getTime() + disposition.recycleAfterDays * 86_400_000);
  } else if (issues.length === 0) {
    issues.push({ path: 'recycleUntil', message: 'recycling a lead needs the date it may resurface (or a disposition that recycles)' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, details: { dispositionCode: disposition?.code ?? null, recycleUntil } };
}
