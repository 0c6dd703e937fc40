import { describe, expect, it } from 'vitest';
import { defaultPact } from './default-pact.ts';
import type { PactDocument } from './pact-schema.ts';
import { renderPactAsText } from './render-pact.ts';

function rendered(mutate: (pact: PactDocument) => void = () => {}): string {
  const pact = defaultPact();
  mutate(pact);
  return renderPactAsText(pact);
}

describe('renderPactAsText', () => {
  it('has every section of the agreement, in order', () => {
    const headings = rendered()
      .split('\n')
      .filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Default pact',
      '## What a lead is worth',
      '## Grades',
      '## When a lead is an MQL',
      '## What is junk',
      '## Account classes',
      '## Who gets the lead',
      '## How fast',
      '## Feedback sales owes',
      '## What marketing owes',
    ]);
  });

  it('lists fit rules with points and readable conditions', () => {
    const text = rendered();
    expect(text).toContain('  +20  VP-level title: seniority is "vp"\n');
    expect(text).toContain('  +15  200 to 5,000 employees: employees between 200 and 5,000\n');
    expect(text).toContain('  -10  Free e-mail address: e-mail kind is "free"\n');
    expect(text).toContain('  +5   Valid phone number: phone number is valid\n');
  });

  it('reads contains_any as a list of alternatives', () => {
    const text = rendered((pact) => {
      pact.fitRules.push({ id: 'students', label: 'Students', when: [{ field: 'lead.title', op: 'contains_any', value: ['student', 'intern'] }], points: -30 });
    });
    expect(text).toContain('-30  Students: title contains any of "student", "intern"');
  });

  it('lists engagement rules with their half-lives', () => {
    const text = rendered();
    expect(text).toContain('  +40  Demo request (half-life 30 days, raises a hand)\n');
    expect(text).toContain('  +5   E-mail click (half-life 14 days, at most 10 counted)\n');
  });

  it('states grades, MQL clauses, junk and classes as sentences', () => {
    const text = rendered();
    expect(text).toContain('Graded on fit points: A from 60, B from 40, C from 20, D below 20.');
    expect(text).toContain('  1. Good fit and engaged: grade is one of "A", "B" and engagement score is at least 40\n');
    expect(text).toContain('  - Test or keyboard-mash name (test_or_fake_name): name is a test name or name is keyboard mash\n');
    expect(text).toContain('Enterprise by revenue: account annual revenue is at least $100,000,000\n');
    expect(text).toContain('Any other lead is Marketing-led.');
  });

  it('shows routing per class, with territories', () => {
    const text = rendered((pact) => {
      pact.routing.field.territories = [{ name: 'East', when: [{ field: 'lead.state', op: 'in', value: ['NY', 'MA'] }], reps: ['ana@example.com'] }];
    });
    expect(text).toContain('  Field → Field Sales: account owner, then territory, then round robin\n    territory "East": state is one of "NY", "MA"; reps ana@example.com\n');
    expect(text).toContain('  Marketing-led → Digital Sales: round robin\n');
  });

  it('shows the SLA as a table per grade with its calendar', () => {
    const text = rendered();
    expect(text).toContain('Clocks run in business hours: Monday–Friday 09:00–17:00 America/New_York, no holidays.');
    expect(text).toContain('  Grade  Accept within  First attempt within  Attempts before disqualifying  Feedback within\n');
    expect(text).toContain('  A      2 h            4 h                   6 over 14 days                 48 h\n');
    expect(text).toContain('  D      24 h           48 h                  3 over 30 days                 168 h\n');
    expect(text).toContain('the manager is notified after 1 h and the lead is reassigned after 8 h.');
  });

  it('names working days that do not form a run one by one', () => {
    const text = rendered((pact) => {
      pact.sla.calendar.workingDays = [1, 3, 5];
      pact.sla.calendar.holidays = ['2025-12-25'];
    });
    expect(text).toContain('Clocks run in business hours: Monday, Wednesday, Friday 09:00–17:00 America/New_York, holidays 2025-12-25.');
  });

  it('lists dispositions with what follows, and marketing commitments', () => {
    const text = rendered();
    expect(text).toMatch(/ {2}No budget {2,}no_budget {2,}recycled to nurture after 180 days {2,}timing\n/);
    expect(text).toMatch(/ {2}Not the decision maker {2,}not_decision_maker {2,}returned to marketing {2,}targeting\n/);
    expect(text).toContain('  - 1,500 MQLs per quarter to all teams, at least 20 % becoming SQLs\n');
    expect(rendered((pact) => (pact.commitments = []))).toContain('  No commitments written down yet.\n');
  });

  it('lists competitor domains when there are any', () => {
    expect(rendered()).toContain("  - its domain is a competitor's (none listed yet)\n");
    expect(rendered((pact) => (pact.junk.competitorDomains = ['rival.example']))).toContain("  - its domain is a competitor's: rival.example\n");
  });
});
