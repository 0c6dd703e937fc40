import type { DescribeOptions } from './describe-condition.ts';
import { describeConditions, formatNumber } from './describe-condition.ts';
import { describeCommitment, dispositionOutcome } from './describe-pact-parts.ts';
import type { AccountClass, PactDocument } from './pact-schema.ts';
import { accountClasses, grades } from './pact-schema.ts';

const classNames: Record<AccountClass, string> = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' };
const strategyNames = { account_owner: 'account owner', territory: 'territory', round_robin: 'round robin' } as const;
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The pact as the one-page agreement both teams read and sign (plain text with light markdown
 * headings), as `leadpact pact show` prints it. Sections: what a lead is worth, grades, when a lead
 * is an MQL, what is junk, account classes, who gets the lead, how fast, feedback sales owes, what
 * marketing owes. Conditions read as sentences; hours are business hours of the pact's calendar.
 */
export function renderPactAsText(pact: PactDocument): string {
  const options: DescribeOptions = { currency: pact.currency };
  const sections = [
    [
      `# ${pact.name}`,
      '',
      'The agreement between marketing and sales: what a lead is worth, when it goes to sales, who works it, how fast,',
      'and what each side owes the other.',
      `Money is in ${pact.currency}; phone numbers without a country code are read as ${pact.defaultPhoneRegion} numbers.`,
    ],
    worthSection(pact, options),
    gradesSection(pact),
    mqlSection(pact, options),
    junkSection(pact, options),
    classesSection(pact, options),
    routingSection(pact, options),
    slaSection(pact),
    feedbackSection(pact),
    commitmentsSection(pact),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function worthSection(pact: PactDocument, options: DescribeOptions): string[] {
  const [low, high] = pact.grading.fitRange;
  const fit = pact.fitRules.map((rule) => [signed(rule.points), `${rule.label}: ${describeConditions(rule.when, 'and', options)}`]);
  const engagement = pact.engagementRules.map((rule) => {
    const notes = [`half-life ${formatNumber(rule.halfLifeDays)} days`];
    if (rule.handRaiser) notes.push('raises a hand');
    if (rule.maxCount !== undefined) notes.push(`at most ${rule.maxCount} counted`);
    return [signed(rule.points), `${rule.label} (${notes.join(', ')})`];
  });
  return [
    '## What a lead is worth',
    '',
    `Fit — who the lead is. Every rule whose conditions all hold adds its points; the total is kept between ${low} and ${high}.`,
    '',
    ...(fit.length > 0 ? indented(table(fit)) : ['  No fit rules.']),
    '',
    'Engagement — what the lead does. Each touch is worth its points, halved with every half-life that has passed since.',
    '',
    ...(engagement.length > 0 ? indented(table(engagement)) : ['  No engagement rules.']),
  ];
}

function gradesSection(pact: PactDocument): string[] {
  const { A, B, C } = pact.grading.thresholds;
  const basis = pact.grading.basis === 'fit' ? 'fit points' : 'fit and engagement points together';
  return [
    '## Grades',
    '',
    `Graded on ${basis}: A from ${formatNumber(A)}, B from ${formatNumber(B)}, C from ${formatNumber(C)}, D below ${formatNumber(C)}.`,
  ];
}

function mqlSection(pact: PactDocument, options: DescribeOptions): string[] {
  return [
    '## When a lead is an MQL',
    '',
    'A lead is marketing-qualified when any one of these holds:',
    '',
    ...pact.mql.anyOf.map((clause, index) => `  ${index + 1}. ${clause.label}: ${describeConditions(clause.when, 'and', options)}`),
  ];
}

function junkSection(pact: PactDocument, options: DescribeOptions): string[] {
  const { competitorDomains, extraFreeMailDomains, rules } = pact.junk;
  return [
    '## What is junk',
    '',
    'A junk lead never reaches sales, and keeps its reason. A lead is junk when:',
    '',
    ...rules.map((rule) => `  - ${rule.reason} (${rule.code}): ${describeConditions(rule.whenAny, 'or', options)}`),
    ...(rules.length === 0 ? ['  - (no junk rules)'] : []),
    competitorDomains.length === 0
      ? "  - its domain is a competitor's (none listed yet)"
      : `  - its domain is a competitor's: ${competitorDomains.join(', ')}`,
    '',
    `Free-mail domains besides the built-in list: ${listOrNone(extraFreeMailDomains)}.`,
  ];
}

function classesSection(pact: PactDocument, options: DescribeOptions): string[] {
  const { rules, defaultClass } = pact.classification;
  const rows = rules.map((rule, index) => [
    `${index + 1}.`,
    classNames[rule.class],
    `priority ${rule.priority}`,
    `${rule.label}: ${describeConditions(rule.when, 'and', options)}`,
  ]);
  return [
    '## Account classes',
    '',
    'The first rule that matches gives the class; priority orders leads inside a class (higher first).',
    '',
    ...indented(table(rows)),
    ...(rows.length > 0 ? [''] : []),
    `Any other lead is ${classNames[defaultClass]}.`,
  ];
}

function routingSection(pact: PactDocument, options: DescribeOptions): string[] {
  const lines = ['## Who gets the lead', ''];
  for (const accountClass of accountClasses) {
    const routing = pact.routing[accountClass];
    const strategy = routing.strategy.map((step) => strategyNames[step]).join(', then ');
    lines.push(`  ${classNames[accountClass]} → ${routing.team}: ${strategy}`);
    for (const territory of routing.territories) {
      lines.push(`    territory "${territory.name}": ${describeConditions(territory.when, 'and', options)}; reps ${territory.reps.join(', ')}`);
    }
  }
  lines.push('', 'Reps who are away or at capacity are skipped.');
  return lines;
}

function slaSection(pact: PactDocument): string[] {
  const { calendar, perGrade, warnAtFraction, escalation } = pact.sla;
  const hoursText = (value: number) => `${formatNumber(value)} h`;
  const rows = [
    ['Grade', 'Accept within', 'First attempt within', 'Attempts before disqualifying', 'Feedback within'],
    ...grades.map((grade) => {
      const sla = perGrade[grade];
      const attempts = `${sla.minAttempts} over ${formatNumber(sla.attemptWindowDays)} days`;
      return [grade, hoursText(sla.acceptWithinHours), hoursText(sla.firstAttemptWithinHours), attempts, hoursText(sla.feedbackWithinHours)];
    }),
  ];
  const holidays = calendar.holidays.length === 0 ? 'no holidays' : `holidays ${calendar.holidays.join(', ')}`;
  return [
    '## How fast',
    '',
    `Clocks run in business hours: ${describeWorkingDays(calendar.workingDays)} ${calendar.startTime}–${calendar.endTime} ${calendar.timeZone}, ${holidays}.`,
    '',
    ...indented(table(rows)),
    '',
    `The owner is warned at ${formatNumber(warnAtFraction * 100)} % of the allowed time. On a breach the manager is notified after ` +
      `${hoursText(escalation.notifyManagerAfterBreachHours)} and the lead is reassigned after ${hoursText(escalation.reassignAfterBreachHours)}.`,
  ];
}

function feedbackSection(pact: PactDocument): string[] {
  const rows = [
    ['Reason', 'Code', 'What follows', 'Tells marketing to adjust'],
    ...pact.dispositions.map((disposition) => [
      disposition.label,
      disposition.code,
      dispositionOutcome(disposition),
      disposition.suggests === 'none' ? '—' : disposition.suggests.replace('_', ' '),
    ]),
  ];
  return [
    '## Feedback sales owes',
    '',
    'Sales accepts or rejects every lead and closes out each one with one of these reasons, within the feedback time above:',
    '',
    ...indented(table(rows)),
  ];
}

function commitmentsSection(pact: PactDocument): string[] {
  const lines = pact.commitments.map((commitment) => `  - ${describeCommitment(commitment)}`);
  return ['## What marketing owes', '', ...(lines.length > 0 ? lines : ['  No commitments written down yet.'])];
}

/** ISO weekdays as words: [1,2,3,4,5] → "Monday–Friday", [1,3] → "Monday, Wednesday". */
function describeWorkingDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const isRun = first !== undefined && last !== undefined && last - first === sorted.length - 1;
  if (isRun && sorted.length >= 3) return `${weekdayNames[first - 1]}–${weekdayNames[last - 1]}`;
  return sorted.map((day) => weekdayNames[day - 1]).join(', ');
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

function indented(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** Rows as columns aligned with two spaces between them; the last column is not padded. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  '));
}
