import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../pact/pact-schema.ts';
import { DAY_MS, demoSalesHours, localHourOfDay, localWeekday } from './demo-calendar-math.ts';
import { demoDispositions, recyclingDispositionCodes } from './demo-dispositions.ts';
import type { DemoLead } from './demo-organisation.ts';
import { demoTeamKeyFor } from './generate-demo-leads.ts';
import { generateDemoOrganisation } from './generate-demo-organisation.ts';

const now = new Date('2026-03-15T12:00:00Z');
const organisation = generateDemoOrganisation({ seed: 20260315, now, leadCount: 2000, accountCount: 200 });
const leads = organisation.leads;
const realLeads = leads.filter((lead) => lead.plantedDirt === null || lead.plantedDirt.kind === 'impossible_phone');
const reached = (lead: DemoLead, stage: LifecycleStage) => lead.lifecycle.some((step) => step.to === stage);
const rate = (part: readonly DemoLead[], whole: readonly DemoLead[]) => part.length / whole.length;

/** Stages a step may move to from the stage before it (the pipeline leaves a lead in inquiry or mql). */
const allowedNext: Record<string, readonly LifecycleStage[]> = {
  start: ['sal', 'disqualified', 'recycled'],
  sal: ['sql', 'disqualified', 'recycled'],
  sql: ['won', 'lost'],
};

describe('demo lead outcomes', () => {
  const sal = realLeads.filter((lead) => reached(lead, 'sal'));
  const sql = realLeads.filter((lead) => reached(lead, 'sql'));
  const won = realLeads.filter((lead) => reached(lead, 'won'));

  it('convert at realistic rates through the waterfall', () => {
    expect(rate(sal, realLeads)).toBeGreaterThanOrEqual(0.25);
    expect(rate(sal, realLeads)).toBeLessThanOrEqual(0.45);
    expect(rate(sql, sal)).toBeGreaterThanOrEqual(0.3);
    expect(rate(sql, sal)).toBeLessThanOrEqual(0.6);
    expect(rate(won, sql)).toBeGreaterThanOrEqual(0.2);
    expect(rate(won, sql)).toBeLessThanOrEqual(0.4);
  });

  it('win far more often with high latent quality than with low', () => {
    const byQuality = [...realLeads].sort((left, right) => left.latentQuality - right.latentQuality);
    const quarter = Math.floor(byQuality.length / 4);
    const bottom = rate(byQuality.slice(0, quarter).filter((lead) => reached(lead, 'won')), byQuality.slice(0, quarter));
    const top = rate(byQuality.slice(-quarter).filter((lead) => reached(lead, 'won')), byQuality.slice(-quarter));
    expect(top).toBeGreaterThan(0.05);
    expect(top).toBeGreaterThanOrEqual(3 * bottom);
    for (const lead of leads) {
      expect(lead.latentQuality).toBeGreaterThanOrEqual(0);
      expect(lead.latentQuality).toBeLessThanOrEqual(1);
    }
  });

  it('engage high-quality leads more after capture', () => {
    const byQuality = [...realLeads].sort((left, right) => left.latentQuality - right.latentQuality);
    const quarter = Math.floor(byQuality.length / 4);
    const meanTouches = (list: readonly DemoLead[]) => list.reduce((sum, lead) => sum + lead.laterTouches.length, 0) / list.length;
    expect(meanTouches(byQuality.slice(-quarter))).toBeGreaterThan(2 * meanTouches(byQuality.slice(0, quarter)));
    for (const lead of leads) expect(lead.laterTouches.length).toBeLessThanOrEqual(15);
    expect(Math.max(...realLeads.map((lead) => lead.laterTouches.length))).toBeGreaterThanOrEqual(10);
  });

  it('keep touches and steps in order, after capture and never after now', () => {
    for (const lead of leads) {
      let previous = lead.capturedAt.getTime();
      for (const touch of lead.laterTouches) {
        expect(touch.occurredAt.getTime()).toBeGreaterThan(previous);
        previous = touch.occurredAt.getTime();
      }
      expect(previous).toBeLessThanOrEqual(now.getTime());
      previous = lead.capturedAt.getTime();
      for (const step of lead.lifecycle) {
        expect(step.at.getTime(), lead.key).toBeGreaterThan(previous);
        previous = step.at.getTime();
      }
      expect(previous).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('move only along the waterfall, ending where a lead can end', () => {
    for (const lead of leads) {
      let from = 'start';
      for (const step of lead.lifecycle) {
        expect(allowedNext[from] ?? [], `${lead.key}: ${from} → ${step.to}`).toContain(step.to);
        from = step.to;
      }
    }
  });

  it('give a disposition from the list for every rejection, and a resurface date when recycling', () => {
    const codes = new Set(Object.keys(demoDispositions));
    const used = new Set<string>();
    for (const lead of leads) {
      for (const step of lead.lifecycle) {
        expect(step.reason.length).toBeGreaterThan(0);
        if (step.to === 'recycled') {
          expect(recyclingDispositionCodes).toContain(step.dispositionCode);
          expect(step.recycleUntil?.getTime() ?? 0).toBeGreaterThan(step.at.getTime());
        }
        if (step.to === 'disqualified') {
          expect(codes).toContain(step.dispositionCode);
          expect(recyclingDispositionCodes).not.toContain(step.dispositionCode);
        }
        if (step.to === 'lost') expect(codes).toContain(step.dispositionCode);
        if (step.dispositionCode !== undefined) used.add(step.dispositionCode);
      }
    }
    expect(used).toEqual(codes);
  });

  it('accept in the sales team’s business hours, hours to days after the touch that qualified the lead', () => {
    for (const lead of sal) {
      const at = lead.lifecycle.find((step) => step.to === 'sal')?.at.getTime() ?? 0;
      const offset = demoSalesHours.utcOffsetHoursAt(at);
      const hour = localHourOfDay(at, offset);
      expect(localWeekday(at, offset)).toBeLessThanOrEqual(5);
      expect(hour).toBeGreaterThanOrEqual(demoSalesHours.startHour);
      expect(hour).toBeLessThan(demoSalesHours.endHour);
      const lastTouchBefore = Math.max(lead.capturedAt.getTime(), ...lead.laterTouches.map((touch) => touch.occurredAt.getTime()).filter((touched) => touched < at));
      expect(at - lastTouchBefore, lead.key).toBeLessThan(14 * DAY_MS);
    }
  });

  it('work only leads that raised a hand or engaged', () => {
    const handRaisers: readonly string[] = ['demo_request', 'contact_request', 'trial_signup'];
    const worked = realLeads.filter((lead) => lead.lifecycle.length > 0);
    const raisedHand = (lead: DemoLead) => handRaisers.includes(lead.input.touch?.type ?? '') || lead.laterTouches.some((touch) => handRaisers.includes(touch.type));
    expect(rate(worked.filter(raisedHand), worked)).toBeGreaterThan(0.8);
    for (const lead of worked.filter((candidate) => !raisedHand(candidate))) expect(lead.laterTouches.length, lead.key).toBeGreaterThan(0);
    const imported = realLeads.filter((lead) => lead.input.touch?.type === 'import' && lead.laterTouches.length === 0);
    expect(imported.every((lead) => lead.lifecycle.length === 0)).toBe(true);
  });

  it('let reps or managers of the lead’s class team act', () => {
    const users = new Map(organisation.users.map((user) => [user.key, user]));
    const accountsByDomain = new Map(organisation.accounts.map((account) => [account.domain, account]));
    let managerSteps = 0;
    for (const lead of leads) {
      const account = accountsByDomain.get(lead.input.email?.trim().toLowerCase().split('@')[1] ?? '') ?? null;
      const teamKey = demoTeamKeyFor(account?.employees ?? null, account !== null);
      for (const step of lead.lifecycle) {
        const actor = users.get(step.actorKey ?? '');
        expect(actor?.teamKey, `${lead.key} ${step.to}`).toBe(teamKey);
        expect(['sales_rep', 'sales_manager']).toContain(actor?.role);
        if (actor?.role === 'sales_manager') managerSteps += 1;
      }
    }
    expect(managerSteps).toBeGreaterThan(0);
  });

  it('open an opportunity exactly for qualified leads, sized by the account', () => {
    for (const lead of leads) {
      const qualified = lead.lifecycle.find((step) => step.to === 'sql');
      expect(lead.opportunity !== null).toBe(qualified !== undefined);
      if (lead.opportunity === null || qualified === undefined) continue;
      expect(lead.opportunity.openedAt).toEqual(qualified.at);
      expect(lead.opportunity.valueMinor).toBeGreaterThanOrEqual(5_000_00);
      expect(lead.opportunity.valueMinor).toBeLessThanOrEqual(250_000_00);
      const closeDays = (Date.parse(`${lead.opportunity.expectedCloseOn}T00:00:00Z`) - lead.opportunity.openedAt.getTime()) / DAY_MS;
      expect(closeDays).toBeGreaterThanOrEqual(29);
      expect(closeDays).toBeLessThanOrEqual(120);
    }
    const accountsByDomain = new Map(organisation.accounts.map((account) => [account.domain, account]));
    const employeesOf = (lead: DemoLead) => accountsByDomain.get(lead.input.email?.toLowerCase().split('@')[1] ?? '')?.employees ?? 0;
    const meanValue = (list: readonly DemoLead[]) => list.reduce((sum, lead) => sum + (lead.opportunity?.valueMinor ?? 0), 0) / list.length;
    expect(meanValue(sql.filter((lead) => employeesOf(lead) >= 1_000))).toBeGreaterThan(2 * meanValue(sql.filter((lead) => employeesOf(lead) < 50)));
  });

  it('close deals 20–150 days after qualification and leave recent ones open', () => {
    for (const lead of sql) {
      const opened = lead.lifecycle.find((step) => step.to === 'sql')?.at.getTime() ?? 0;
      const closed = lead.lifecycle.find((step) => step.to === 'won' || step.to === 'lost');
      if (closed === undefined) {
        expect(opened).toBeGreaterThan(now.getTime() - 151 * DAY_MS);
        continue;
      }
      const days = (closed.at.getTime() - opened) / DAY_MS;
      expect(days).toBeGreaterThanOrEqual(19);
      expect(days).toBeLessThanOrEqual(151);
    }
    expect(sql.some((lead) => !reached(lead, 'won') && !reached(lead, 'lost'))).toBe(true);
  });

  it('leave dirt and untouched leads alone', () => {
    for (const lead of leads.filter((candidate) => candidate.plantedDirt !== null && candidate.plantedDirt.kind !== 'impossible_phone')) {
      expect(lead.lifecycle).toEqual([]);
      expect(lead.opportunity).toBeNull();
    }
    for (const lead of leads.filter((candidate) => candidate.plantedDirt?.kind === 'impossible_phone')) {
      expect(lead.lifecycle.every((step) => step.dispositionCode === 'bad_data')).toBe(true);
    }
    expect(realLeads.some((lead) => lead.lifecycle.length === 0)).toBe(true);
  });

  it('turn students and job seekers away rather than selling to them', () => {
    const students = realLeads.filter((lead) => /student|intern|looking for work|job seeker|between jobs/i.test(lead.input.title ?? ''));
    expect(students.length).toBeGreaterThan(10);
    expect(rate(students.filter((lead) => reached(lead, 'sql')), students)).toBeLessThan(0.05);
    expect(students.some((lead) => lead.lifecycle.some((step) => step.dispositionCode === 'student_or_job_seeker'))).toBe(true);
  });
});
