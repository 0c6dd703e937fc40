import { describe, expect, it } from 'vitest';
import { leadInputSchema } from '../lead/lead-input.ts';
import { DAY_MS, isoDate } from './demo-calendar-math.ts';
import { demoCountries } from './demo-countries.ts';
import { demoIndustries } from './demo-industries.ts';
import type { DemoOrganisation } from './demo-organisation.ts';
import { generateDemoOrganisation } from './generate-demo-organisation.ts';
import { channelProfiles } from './generate-demo-campaigns.ts';
import { mentionsFamousBrand } from './invent-company-name.ts';

const now = new Date('2026-03-15T12:00:00Z');
const organisation = generateDemoOrganisation({ seed: 20260315, now, leadCount: 2000, accountCount: 200 });

function referencesHold(org: DemoOrganisation): string[] {
  const problems: string[] = [];
  const userKeys = new Set(org.users.map((user) => user.key));
  const teamKeys = new Set(org.teams.map((team) => team.key));
  const campaignKeys = new Set(org.campaigns.map((campaign) => campaign.key));
  const leadIndex = new Map(org.leads.map((lead, index) => [lead.key, index]));
  for (const user of org.users) {
    if (user.teamKey !== null && !teamKeys.has(user.teamKey)) problems.push(`${user.key} team ${user.teamKey}`);
    if (user.managerKey !== null && !userKeys.has(user.managerKey)) problems.push(`${user.key} manager ${user.managerKey}`);
  }
  for (const account of org.accounts) if (account.ownerKey !== null && !userKeys.has(account.ownerKey)) problems.push(`${account.key} owner`);
  org.leads.forEach((lead, index) => {
    if (lead.campaignKey !== null && !campaignKeys.has(lead.campaignKey)) problems.push(`${lead.key} campaign`);
    for (const touch of lead.laterTouches) if (touch.campaignKey !== null && !campaignKeys.has(touch.campaignKey)) problems.push(`${lead.key} touch campaign`);
    for (const step of lead.lifecycle) if (step.actorKey !== null && !userKeys.has(step.actorKey)) problems.push(`${lead.key} actor ${step.actorKey}`);
    if (lead.plantedDirt?.kind === 'resubmission') {
      const originalIndex = leadIndex.get(lead.plantedDirt.originalLeadKey);
      if (originalIndex === undefined || originalIndex >= index) problems.push(`${lead.key} original ${lead.plantedDirt.originalLeadKey}`);
    }
  });
  return problems;
}

function happenedAfterNow(org: DemoOrganisation): string[] {
  const limit = org.now.getTime();
  const late: string[] = [];
  for (const lead of org.leads) {
    const instants = [lead.capturedAt, ...lead.laterTouches.map((touch) => touch.occurredAt), ...lead.lifecycle.map((step) => step.at)];
    if (lead.opportunity !== null) instants.push(lead.opportunity.openedAt);
    if (lead.input.touch?.occurredAt !== undefined) instants.push(new Date(lead.input.touch.occurredAt));
    if (instants.some((instant) => instant.getTime() > limit)) late.push(lead.key);
  }
  return late;
}

describe('demo staff', () => {
  const users = organisation.users;
  const reps = users.filter((user) => user.role === 'sales_rep');

  it('has the three teams the default pact routes to', () => {
    expect(organisation.teams.map((team) => [team.name, team.accountClass])).toEqual([
      ['Field Sales', 'field'],
      ['Inside Sales', 'inside'],
      ['Digital Sales', 'marketing_led'],
    ]);
  });

  it('has the documented sign-in users', () => {
    const byEmail = new Map(users.map((user) => [user.email, user]));
    expect(byEmail.get('admin@demo.leadpact.dev')).toMatchObject({ name: 'Riley Admin', role: 'admin' });
    expect(byEmail.get('morgan@demo.leadpact.dev')).toMatchObject({ name: 'Morgan Marketing', role: 'marketing' });
    expect(byEmail.get('sam@demo.leadpact.dev')).toMatchObject({ name: 'Sam Manager', role: 'sales_manager', teamKey: 'inside-sales' });
    expect(byEmail.get('robin@demo.leadpact.dev')).toMatchObject({ name: 'Robin Rep', role: 'sales_rep', teamKey: 'inside-sales', awayUntil: null });
  });

  it('has one admin, three marketers, an executive, a manager per team and 25 reps', () => {
    const count = (role: string) => users.filter((user) => user.role === role).length;
    expect([count('admin'), count('marketing'), count('executive'), count('sales_manager'), count('sales_rep')]).toEqual([1, 3, 1, 3, 25]);
    expect(new Set(users.filter((user) => user.role === 'sales_manager').map((user) => user.teamKey))).toEqual(new Set(['field-sales', 'inside-sales', 'digital-sales']));
    const perTeam = (teamKey: string) => reps.filter((rep) => rep.teamKey === teamKey).length;
    expect([perTeam('field-sales'), perTeam('inside-sales'), perTeam('digital-sales')]).toEqual([7, 11, 7]);
    const manager = (teamKey: string) => users.find((user) => user.role === 'sales_manager' && user.teamKey === teamKey)?.key;
    for (const rep of reps) expect(rep.managerKey).toBe(manager(rep.teamKey ?? ''));
  });

  it('gives every user a unique demo e-mail', () => {
    expect(new Set(users.map((user) => user.email)).size).toBe(users.length);
    for (const user of users) expect(user.email).toMatch(/^[a-z0-9.\-]+@demo\.leadpact\.dev$/);
  });

  it('gives reps capacities by team and weights 1–3', () => {
    const ranges: Record<string, [number, number]> = { 'field-sales': [40, 80], 'inside-sales': [80, 150], 'digital-sales': [150, 300] };
    for (const rep of reps) {
      const [low, high] = ranges[rep.teamKey ?? ''] ?? [0, 0];
      expect(rep.capacity).toBeGreaterThanOrEqual(low);
      expect(rep.capacity).toBeLessThanOrEqual(high);
      expect([1, 2, 3]).toContain(rep.weight);
    }
  });

  it('has one or two reps away until after now and one back from leave', () => {
    const awayNow = reps.filter((rep) => rep.awayUntil !== null && rep.awayUntil > now);
    const back = reps.filter((rep) => rep.awayUntil !== null && rep.awayUntil <= now);
    expect(awayNow.length).toBeGreaterThanOrEqual(1);
    expect(awayNow.length).toBeLessThanOrEqual(2);
    expect(back).toHaveLength(1);
  });
});

describe('demo accounts', () => {
  const accounts = organisation.accounts;
  const reps = new Map(organisation.users.map((user) => [user.key, user]));

  it('have unique invented names and unique domains that suit their country', () => {
    expect(accounts).toHaveLength(200);
    expect(new Set(accounts.map((account) => account.domain)).size).toBe(accounts.length);
    expect(new Set(accounts.map((account) => account.name.toLowerCase())).size).toBe(accounts.length);
    const tlds = new Map(demoCountries.map((country) => [country.code, country.companyTld]));
    for (const account of accounts) {
      expect(mentionsFamousBrand(account.name), account.name).toBe(false);
      const tld = account.domain.slice(account.domain.indexOf('.') + 1);
      expect(['com', 'io', 'org', 'gov', 'edu', tlds.get(account.country)], `${account.domain} in ${account.country}`).toContain(tld);
      expect(account.website).toMatch(new RegExp(`^https://(www\\.)?${account.domain.replace(/\./g, '\\.')}$`));
    }
  });

  it('spread over industries and countries, the US first', () => {
    const labels = new Set(demoIndustries.map((industry) => industry.label));
    for (const account of accounts) expect(labels).toContain(account.industry);
    expect(new Set(accounts.map((account) => account.industry)).size).toBeGreaterThanOrEqual(10);
    const byCountry = new Map<string, number>();
    for (const account of accounts) byCountry.set(account.country, (byCountry.get(account.country) ?? 0) + 1);
    const ranked = [...byCountry.entries()].sort((left, right) => right[1] - left[1]);
    expect(ranked[0]?.[0]).toBe('US');
    expect(byCountry.size).toBeGreaterThanOrEqual(10);
  });

  it('are mostly small to mid-sized with a long tail, and revenue grows with size', () => {
    const employees = accounts.map((account) => account.employees).sort((left, right) => left - right);
    const median = employees[Math.floor(employees.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(10);
    expect(median).toBeLessThanOrEqual(500);
    const large = accounts.filter((account) => account.employees >= 1_000);
    expect(large.length / accounts.length).toBeGreaterThan(0.05);
    expect(large.length / accounts.length).toBeLessThan(0.3);
    expect(Math.max(...employees)).toBeLessThanOrEqual(50_000);
    const medianRevenue = (list: typeof accounts) => [...list.map((account) => account.annualRevenueMinor)].sort((l, r) => l - r)[Math.floor(list.length / 2)] ?? 0;
    expect(medianRevenue(large)).toBeGreaterThan(10 * medianRevenue(accounts.filter((account) => account.employees < 100)));
  });

  it('are owned by field reps when large, sometimes by inside reps when mid-sized, never when small', () => {
    for (const account of accounts) {
      const owner = account.ownerKey === null ? null : reps.get(account.ownerKey);
      if (account.employees >= 1_000) expect(owner?.teamKey).toBe('field-sales');
      else if (account.employees >= 50) expect(owner === null || owner?.teamKey === 'inside-sales').toBe(true);
      else expect(owner).toBeNull();
    }
    const mid = accounts.filter((account) => account.employees >= 50 && account.employees < 1_000);
    const ownedMid = mid.filter((account) => account.ownerKey !== null).length;
    expect(ownedMid).toBeGreaterThan(0);
    expect(ownedMid).toBeLessThan(mid.length);
  });
});

describe('demo campaigns', () => {
  const campaigns = organisation.campaigns;

  it('are about forty across every channel in the year before now', () => {
    expect(campaigns.length).toBeGreaterThanOrEqual(36);
    expect(campaigns.length).toBeLessThanOrEqual(44);
    expect(new Set(campaigns.map((campaign) => campaign.channel))).toEqual(new Set(Object.keys(channelProfiles)));
    expect(new Set(campaigns.map((campaign) => campaign.key)).size).toBe(campaigns.length);
    expect(new Set(campaigns.map((campaign) => campaign.name)).size).toBe(campaigns.length);
    for (const campaign of campaigns) {
      expect(campaign.startsOn <= campaign.endsOn).toBe(true);
      expect(campaign.startsOn >= isoDate(now.getTime() - 365 * DAY_MS)).toBe(true);
      expect(campaign.endsOn <= isoDate(now.getTime())).toBe(true);
    }
    expect(campaigns.some((campaign) => /^Q[1-4] Webinar: /.test(campaign.name))).toBe(true);
  });

  it('cost what such campaigns cost', () => {
    for (const campaign of campaigns) {
      const [low, high] = channelProfiles[campaign.channel].costUsd;
      expect(campaign.currency).toBe('USD');
      // Later quarters spend up to 50 % more.
      expect(campaign.costMinor).toBeGreaterThanOrEqual(low * 100);
      expect(campaign.costMinor).toBeLessThanOrEqual(high * 1.5 * 100);
    }
    expect(campaigns.filter((campaign) => campaign.channel === 'organic').every((campaign) => campaign.costMinor === 0)).toBe(true);
    expect(new Set(campaigns.map((campaign) => campaign.source))).toEqual(
      new Set(['Google Ads', 'LinkedIn', 'Webinar', 'Trade show', 'Content syndication', 'Email', 'Partner referral', 'Organic search', 'Purchased list']),
    );
  });
});

describe('demo organisation integrity', () => {
  it('orders leads by capture with unique keys, all within the year before now', () => {
    const leads = organisation.leads;
    expect(leads).toHaveLength(2000);
    expect(new Set(leads.map((lead) => lead.key)).size).toBe(leads.length);
    for (let index = 1; index < leads.length; index += 1) {
      expect(leads[index]!.capturedAt.getTime()).toBeGreaterThanOrEqual(leads[index - 1]!.capturedAt.getTime());
    }
    for (const lead of leads) expect(lead.capturedAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 365 * DAY_MS);
  });

  it('captures campaign leads while their campaign runs', () => {
    const campaigns = new Map(organisation.campaigns.map((campaign) => [campaign.key, campaign]));
    for (const lead of organisation.leads) {
      if (lead.campaignKey === null) continue;
      const campaign = campaigns.get(lead.campaignKey);
      const day = isoDate(lead.capturedAt.getTime());
      expect(day >= (campaign?.startsOn ?? '') && day <= (campaign?.endsOn ?? ''), `${lead.key} on ${day}`).toBe(true);
      expect(lead.input.campaign).toBe(campaign?.name);
      expect(lead.input.source).toBe(campaign?.source);
    }
  });

  it('keeps every key it refers to', () => {
    expect(referencesHold(organisation)).toEqual([]);
  });

  it('lets nothing happen after now', () => {
    expect(happenedAfterNow(organisation)).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateDemoOrganisation({ seed: 20260315, now, leadCount: 2000, accountCount: 200 });
    expect(again).toEqual(organisation);
    const other = generateDemoOrganisation({ seed: 99, now, leadCount: 2000, accountCount: 200 });
    expect(other.leads.map((lead) => lead.input.email)).not.toEqual(organisation.leads.map((lead) => lead.input.email));
    expect(other.accounts.map((account) => account.name)).not.toEqual(organisation.accounts.map((account) => account.name));
  });

  it('keeps users, accounts and campaigns when only the lead count changes', () => {
    const fewer = generateDemoOrganisation({ seed: 20260315, now, leadCount: 300, accountCount: 200 });
    expect(fewer.users).toEqual(organisation.users);
    expect(fewer.accounts).toEqual(organisation.accounts);
    expect(fewer.campaigns).toEqual(organisation.campaigns);
    expect(fewer.leads).toHaveLength(300);
  });

  it('rejects nonsense sizes', () => {
    expect(() => generateDemoOrganisation({ seed: 1, now, leadCount: -1 })).toThrow(/leadCount/);
    expect(() => generateDemoOrganisation({ seed: 1, now: new Date(Number.NaN), leadCount: 1 })).toThrow(/now/);
  });

  it('builds the full-size organisation valid, whole and repeatable', () => {
    const full = generateDemoOrganisation({ seed: 1, now });
    expect(full.leads).toHaveLength(20_000);
    expect(full.accounts).toHaveLength(2_000);
    expect(full.leads.filter((lead) => !leadInputSchema.safeParse(lead.input).success).map((lead) => lead.key)).toEqual([]);
    expect(referencesHold(full)).toEqual([]);
    expect(happenedAfterNow(full)).toEqual([]);
    const again = generateDemoOrganisation({ seed: 1, now });
    expect(again.leads.length).toBe(full.leads.length);
    expect(again.leads[12_345]).toEqual(full.leads[12_345]);
    expect(again.leads.map((lead) => lead.input.email)).toEqual(full.leads.map((lead) => lead.input.email));
  });
});
