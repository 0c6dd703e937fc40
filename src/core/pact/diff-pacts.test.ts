import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPact } from './default-pact.ts';
import { diffPacts, formatPactDiff } from './diff-pacts.ts';
import type { PactDocument } from './pact-schema.ts';

function changed(mutate: (pact: PactDocument) => void): PactDocument {
  const pact = defaultPact();
  mutate(pact);
  return pact;
}

describe('diffPacts', () => {
  it('finds nothing between a pact and itself', () => {
    expect(diffPacts(defaultPact(), defaultPact())).toEqual([]);
    expect(formatPactDiff([])).toBe('No changes.');
  });

  it('reports a change of a fit rule’s points', () => {
    const after = changed((pact) => {
      const rule = pact.fitRules.find((candidate) => candidate.id === 'vp');
      if (rule) rule.points = 25;
    });
    expect(diffPacts(defaultPact(), after)).toEqual([
      { path: 'fitRules[vp].points', kind: 'changed', before: 20, after: 25, summary: 'Fit rule vp ("VP-level title") points 20 → 25' },
    ]);
  });

  it('reports added and removed rules', () => {
    const before = changed((pact) => {
      pact.engagementRules = pact.engagementRules.filter((rule) => rule.id !== 'chat');
    });
    const after = changed((pact) => {
      pact.fitRules = pact.fitRules.filter((rule) => rule.id !== 'has_website');
    });
    const changes = diffPacts(before, after);
    expect(changes.map(({ path, kind, summary }) => ({ path, kind, summary }))).toEqual([
      { path: 'fitRules[has_website]', kind: 'removed', summary: 'Removed fit rule has_website ("Company website given", 5 points)' },
      { path: 'engagementRules[chat]', kind: 'added', summary: 'Added engagement rule chat (10 points, half-life 30 days)' },
    ]);
    expect(changes[1]?.after).toMatchObject({ id: 'chat', points: 10 });
    expect(formatPactDiff(changes)).toBe(
      ['- Removed fit rule has_website ("Company website given", 5 points)', '+ Added engagement rule chat (10 points, half-life 30 days)'].join('\n'),
    );
  });

  it('describes an added fit rule with its conditions', () => {
    const after = changed((pact) => {
      pact.fitRules.push({ id: 'partner', label: 'Partner referral', when: [{ field: 'lead.source', op: 'eq', value: 'partner' }], points: 15 });
    });
    expect(formatPactDiff(diffPacts(defaultPact(), after))).toBe('+ Added fit rule partner ("Partner referral", 15 points when source is "partner")');
  });

  it('ignores reordering where order does not matter', () => {
    const after = changed((pact) => {
      pact.fitRules.reverse();
      pact.engagementRules.reverse();
      pact.dispositions.reverse();
      pact.junk.rules.reverse();
    });
    expect(diffPacts(defaultPact(), after)).toEqual([]);
  });

  it('reports a move where order matters', () => {
    const after = changed((pact) => {
      pact.mql.anyOf.reverse();
    });
    expect(diffPacts(defaultPact(), after)).toEqual([
      {
        path: 'mql.anyOf[Hand-raiser with acceptable fit]',
        kind: 'changed',
        before: 2,
        after: 1,
        summary: 'MQL clause "Hand-raiser with acceptable fit" moved from position 2 to 1',
      },
    ]);
  });

  it('reports only the rule that moved, not the ones shifted by it', () => {
    const after = changed((pact) => {
      const last = pact.classification.rules.pop();
      if (last) pact.classification.rules.unshift(last);
      pact.classification.rules.push({ class: 'inside', label: 'Small', when: [{ field: 'account.employees', op: 'lt', value: 50 }], priority: 40 });
    });
    expect(formatPactDiff(diffPacts(defaultPact(), after))).toBe(
      [
        '~ Classification rule "Mid-market" moved from position 3 to 1',
        '+ Added classification rule "Small" at position 4: inside when account employees is less than 50 (priority 40)',
      ].join('\n'),
    );
  });

  it('names SLA, routing and commitment changes by section', () => {
    const after = changed((pact) => {
      pact.sla.perGrade.A.acceptWithinHours = 1;
      pact.routing.field.strategy = ['territory', 'round_robin'];
      const commitment = pact.commitments[0];
      if (commitment) commitment.mqlVolume = 1800;
      pact.sla.calendar.holidays = ['2025-12-25'];
    });
    expect(formatPactDiff(diffPacts(defaultPact(), after))).toBe(
      [
        '~ Routing for field: strategy account_owner, territory, round_robin → territory, round_robin',
        '~ SLA calendar: holidays (none) → 2025-12-25',
        '~ SLA for grade A: acceptWithinHours 2 → 1',
        '~ Marketing commitment per quarter: mqlVolume 1,500 → 1,800',
      ].join('\n'),
    );
  });

  it('describes changed conditions readably, money as money', () => {
    const after = changed((pact) => {
      const midMarket = pact.fitRules.find((rule) => rule.id === 'mid_market');
      if (midMarket) midMarket.when = [{ field: 'lead.employees', op: 'between', value: [100, 5000] }];
      const byRevenue = pact.classification.rules[1];
      if (byRevenue) byRevenue.when = [{ field: 'account.annualRevenue', op: 'gte', value: 50_000_000_00 }];
    });
    expect(formatPactDiff(diffPacts(defaultPact(), after))).toBe(
      [
        '~ Fit rule mid_market ("200 to 5,000 employees") when employees between 200 and 5,000 → employees between 100 and 5,000',
        '~ Classification rule "Enterprise by revenue" when account annual revenue is at least $100,000,000 → account annual revenue is at least $50,000,000',
      ].join('\n'),
    );
  });

  it('reports fields set and removed inside a rule', () => {
    const after = changed((pact) => {
      const visit = pact.engagementRules.find((rule) => rule.id === 'visit');
      if (visit) delete visit.maxCount;
      const chat = pact.engagementRules.find((rule) => rule.id === 'chat');
      if (chat) chat.maxCount = 3;
    });
    expect(diffPacts(defaultPact(), after).map((change) => [change.kind, change.summary])).toEqual([
      ['removed', 'Engagement rule visit ("Website visit") maxCount removed (was 20)'],
      ['added', 'Engagement rule chat ("Chat conversation") maxCount set to 3'],
    ]);
  });

  it('reports territories by name and dispositions by code', () => {
    const before = changed((pact) => {
      pact.routing.field.territories = [{ name: 'East', when: [{ field: 'lead.state', op: 'in', value: ['NY', 'MA'] }], reps: ['ana@example.com'] }];
    });
    const after = changed((pact) => {
      pact.routing.field.territories = [{ name: 'West', when: [{ field: 'lead.state', op: 'in', value: ['CA', 'WA'] }], reps: ['bo@example.com'] }];
      const noBudget = pact.dispositions.find((disposition) => disposition.code === 'no_budget');
      if (noBudget) noBudget.recycleAfterDays = 120;
    });
    expect(formatPactDiff(diffPacts(before, after))).toBe(
      [
        '- Removed territory "East" for field',
        '+ Added territory "West" for field at position 1: state is one of "CA", "WA", reps bo@example.com',
        '~ Disposition no_budget ("No budget") recycleAfterDays 180 → 120',
      ].join('\n'),
    );
  });

  it('finds a change exactly when the pacts differ in fit points', () => {
    const pact = defaultPact();
    fc.assert(
      fc.property(fc.nat({ max: pact.fitRules.length - 1 }), fc.integer({ min: -100, max: 100 }), (index, points) => {
        const after = defaultPact();
        const rule = after.fitRules[index];
        if (!rule) return;
        const previous = rule.points;
        rule.points = points;
        const changes = diffPacts(pact, after);
        expect(changes.length).toBe(previous === points ? 0 : 1);
        if (previous !== points) expect(changes[0]).toMatchObject({ path: `fitRules[${rule.id}].points`, before: previous, after: points });
      }),
      { numRuns: 50 },
    );
  });
});
