import { describeConditions, formatNumber, type DescribeOptions } from '../../../src/core/pact/describe-condition.ts';
import { describeCommitment, dispositionOutcome } from '../../../src/core/pact/describe-pact-parts.ts';
import { useId } from 'react';
import { GradeBadge } from '../ui/badge.tsx';
import { Card } from '../ui/card.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import type { PactDocument } from './pact-document.ts';

// The sentences come from the same pure functions as `leadpact pact show` (src/core/pact), so the
// screen and the CLI word every rule alike.

const grades = ['A', 'B', 'C', 'D'] as const;
const accountClasses = ['field', 'inside', 'marketing_led'] as const;
const classNames = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' } as const;
const strategyNames = { account_owner: 'account owner', territory: 'territory', round_robin: 'round robin' } as const;
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const touchNames: Record<string, string> = { form_fill: 'Form fill', demo_request: 'Demo request', contact_request: 'Contact request', trial_signup: 'Trial sign-up', webinar: 'Webinar', event: 'Event', content_download: 'Content download', email_open: 'E-mail open', email_click: 'E-mail click', visit: 'Visit', chat: 'Chat', import: 'Import' };

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function hours(value: number): string {
  return `${formatNumber(value)} h`;
}

/** ISO weekdays as words: [1..5] → "Monday–Friday". */
function workingDaysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first !== undefined && last !== undefined && sorted.length >= 3 && last - first === sorted.length - 1) return `${weekdayNames[first - 1]}–${weekdayNames[last - 1]}`;
  return sorted.map((day) => weekdayNames[day - 1]).join(', ');
}

/** The numbers both sides look up most, at the top of the agreement. */
export function PactHeadlines(props: { pact: PactDocument }) {
  const { pact } = props;
  const { A, B, C } = pact.grading.thresholds;
  const basis = pact.grading.basis === 'fit' ? 'fit points' : 'fit + engagement points';
  const slaA = pact.sla.perGrade.A;
  const feedbackHours = grades.map((grade) => pact.sla.perGrade[grade].feedbackWithinHours);
  const id = useId();
  return (
    <div className="lp-pact-headlines">
      <section className="lp-pact-headline" aria-labelledby={`${id}-grades`}>
        <h3 id={`${id}-grades`} className="lp-pact-headline__label">Grades ({basis})</h3>
        <ul className="lp-pact-headline__grades">
          <li><GradeBadge grade="A" /> from {formatNumber(A)}</li>
          <li><GradeBadge grade="B" /> from {formatNumber(B)}</li>
          <li><GradeBadge grade="C" /> from {formatNumber(C)}</li>
          <li><GradeBadge grade="D" /> below {formatNumber(C)}</li>
        </ul>
      </section>
      <section className="lp-pact-headline" aria-labelledby={`${id}-mql`}>
        <h3 id={`${id}-mql`} className="lp-pact-headline__label">An MQL is</h3>
        <ul className="lp-pact-headline__list">
          {pact.mql.anyOf.map((clause, index) => (
            <li key={index}>{clause.label}</li>
          ))}
        </ul>
      </section>
      <section className="lp-pact-headline" aria-labelledby={`${id}-speed`}>
        <h3 id={`${id}-speed`} className="lp-pact-headline__label">Grade A leads</h3>
        <p className="lp-pact-headline__value">Accepted within {hours(slaA.acceptWithinHours)}</p>
        <p className="lp-pact-headline__note">First attempt within {hours(slaA.firstAttemptWithinHours)}, {slaA.minAttempts} attempts over {formatNumber(slaA.attemptWindowDays)} days</p>
      </section>
      <section className="lp-pact-headline" aria-labelledby={`${id}-feedback`}>
        <h3 id={`${id}-feedback`} className="lp-pact-headline__label">Sales owes</h3>
        <p className="lp-pact-headline__value">Feedback within {hours(Math.min(...feedbackHours))}–{hours(Math.max(...feedbackHours))}</p>
        <p className="lp-pact-headline__note">Every lead closed out with one of {pact.dispositions.length} reasons</p>
      </section>
      <section className="lp-pact-headline" aria-labelledby={`${id}-marketing`}>
        <h3 id={`${id}-marketing`} className="lp-pact-headline__label">Marketing owes</h3>
        {pact.commitments.length === 0 ? (
          <p className="lp-pact-headline__note">No commitments written down yet</p>
        ) : (
          pact.commitments.map((commitment, index) => (
            <div key={index}>
              <p className="lp-pact-headline__value">
                {formatNumber(commitment.mqlVolume)} MQLs per {commitment.period}
              </p>
              <p className="lp-pact-headline__note">
                {commitment.team ?? 'All teams'}; at least {formatNumber(commitment.mqlToSqlFloor * 100)} % becoming SQLs
              </p>
            </div>
          ))
        )}
      </section>
    </div>
  );
}

/**
 * The whole pact as the one-page agreement: what a lead is worth, grades, MQL, junk, classes and
 * routing, response times, the feedback sales owes and what marketing owes.
 */
export function PactAgreement(props: { pact: PactDocument }) {
  const { pact } = props;
  const options: DescribeOptions = { currency: pact.currency };
  const [low, high] = pact.grading.fitRange;
  const { calendar, perGrade, escalation, warnAtFraction } = pact.sla;
  return (
    <div className="lp-pact-agreement">
      <Card title="What a lead is worth">
        <p className="lp-pact-text">
          <strong>Fit</strong> — who the lead is. Every rule whose conditions all hold adds its points; the total is kept between {formatNumber(low)} and {formatNumber(high)}.
        </p>
        <Table caption="Fit rules">
          <thead>
            <tr>
              <HeaderCell align="end">Points</HeaderCell>
              <HeaderCell>Rule</HeaderCell>
              <HeaderCell>When</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {pact.fitRules.map((rule) => (
              <Row key={rule.id}>
                <Cell label="Points" align="end" className="lp-pact-points">{signed(rule.points)}</Cell>
                <Cell label="Rule">{rule.label}</Cell>
                <Cell label="When" className="lp-pact-condition">{describeConditions(rule.when, 'and', options)}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
        <p className="lp-pact-text">
          <strong>Engagement</strong> — what the lead does. Each touch is worth its points, halved with every half-life that has passed since.
        </p>
        <Table caption="Engagement rules">
          <thead>
            <tr>
              <HeaderCell align="end">Points</HeaderCell>
              <HeaderCell>Touch</HeaderCell>
              <HeaderCell align="end">Half-life</HeaderCell>
              <HeaderCell>Notes</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {pact.engagementRules.map((rule) => (
              <Row key={rule.id}>
                <Cell label="Points" align="end" className="lp-pact-points">{signed(rule.points)}</Cell>
                <Cell label="Touch">{rule.label || touchNames[rule.touchType] || rule.touchType}</Cell>
                <Cell label="Half-life" align="end">{formatNumber(rule.halfLifeDays)} days</Cell>
                <Cell label="Notes">{[rule.handRaiser ? 'raises a hand' : '', rule.maxCount === undefined ? '' : `at most ${rule.maxCount} counted`].filter(Boolean).join(', ') || '—'}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>

      <Card title="Grades and MQL">
        <p className="lp-pact-text">
          Graded on {pact.grading.basis === 'fit' ? 'fit points' : 'fit and engagement points together'}: A from {formatNumber(pact.grading.thresholds.A)}, B from {formatNumber(pact.grading.thresholds.B)}, C from{' '}
          {formatNumber(pact.grading.thresholds.C)}, D below {formatNumber(pact.grading.thresholds.C)}.
        </p>
        <p className="lp-pact-text">A lead is marketing-qualified when any one of these holds:</p>
        <ol className="lp-pact-list">
          {pact.mql.anyOf.map((clause, index) => (
            <li key={index}>
              <strong>{clause.label}</strong>: {describeConditions(clause.when, 'and', options)}
            </li>
          ))}
        </ol>
      </Card>

      <Card title="What is junk">
        <p className="lp-pact-text">A junk lead never reaches sales, and keeps its reason. A lead is junk when:</p>
        <ul className="lp-pact-list">
          {pact.junk.rules.map((rule) => (
            <li key={rule.code}>
              <strong>{rule.reason}</strong>: {describeConditions(rule.whenAny, 'or', options)}
            </li>
          ))}
          <li>
            its domain is a competitor’s: {pact.junk.competitorDomains.length === 0 ? 'none listed yet' : pact.junk.competitorDomains.join(', ')}
          </li>
        </ul>
        <p className="lp-pact-text lp-pact-text--muted">Free-mail domains besides the built-in list: {pact.junk.extraFreeMailDomains.length === 0 ? 'none' : pact.junk.extraFreeMailDomains.join(', ')}.</p>
      </Card>

      <Card title="Who gets the lead">
        <p className="lp-pact-text">The first classification rule that matches gives the account’s class; priority orders leads inside a class (higher first).</p>
        <ol className="lp-pact-list">
          {pact.classification.rules.map((rule, index) => (
            <li key={index}>
              <strong>{classNames[rule.class]}</strong> (priority {rule.priority}) — {rule.label}: {describeConditions(rule.when, 'and', options)}
            </li>
          ))}
          <li>Any other account is {classNames[pact.classification.defaultClass]}.</li>
        </ol>
        <Table caption="Routing by class">
          <thead>
            <tr>
              <HeaderCell>Class</HeaderCell>
              <HeaderCell>Team</HeaderCell>
              <HeaderCell>Tried in order</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {accountClasses.map((accountClass) => {
              const routing = pact.routing[accountClass];
              return (
                <Row key={accountClass}>
                  <Cell label="Class">{classNames[accountClass]}</Cell>
                  <Cell label="Team">{routing.team}</Cell>
                  <Cell label="Tried in order">
                    {routing.strategy.map((step) => strategyNames[step]).join(', then ')}
                    {routing.territories.map((territory) => (
                      <span key={territory.name} className="lp-pact-territory">
                        Territory “{territory.name}”: {describeConditions(territory.when, 'and', options)}; reps {territory.reps.join(', ')}
                      </span>
                    ))}
                  </Cell>
                </Row>
              );
            })}
          </tbody>
        </Table>
        <p className="lp-pact-text lp-pact-text--muted">Reps who are away or at capacity are skipped.</p>
      </Card>

      <Card title="How fast">
        <p className="lp-pact-text">
          Clocks run in business hours: {workingDaysText(calendar.workingDays)} {calendar.startTime}–{calendar.endTime} {calendar.timeZone}
          {calendar.holidays.length === 0 ? ', no holidays' : `, holidays ${calendar.holidays.join(', ')}`}.
        </p>
        <Table caption="Response times by grade">
          <thead>
            <tr>
              <HeaderCell>Grade</HeaderCell>
              <HeaderCell align="end">Accept within</HeaderCell>
              <HeaderCell align="end">First attempt within</HeaderCell>
              <HeaderCell align="end">Attempts before disqualifying</HeaderCell>
              <HeaderCell align="end">Feedback within</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {grades.map((grade) => {
              const sla = perGrade[grade];
              return (
                <Row key={grade}>
                  <Cell label="Grade">
                    <GradeBadge grade={grade} />
                  </Cell>
                  <Cell label="Accept within" align="end">{hours(sla.acceptWithinHours)}</Cell>
                  <Cell label="First attempt within" align="end">{hours(sla.firstAttemptWithinHours)}</Cell>
                  <Cell label="Attempts before disqualifying" align="end">
                    {sla.minAttempts} over {formatNumber(sla.attemptWindowDays)} days
                  </Cell>
                  <Cell label="Feedback within" align="end">{hours(sla.feedbackWithinHours)}</Cell>
                </Row>
              );
            })}
          </tbody>
        </Table>
        <p className="lp-pact-text lp-pact-text--muted">
          The owner is warned at {formatNumber(warnAtFraction * 100)} % of the allowed time. On a breach the manager is notified after {hours(escalation.notifyManagerAfterBreachHours)} and the lead is
          reassigned after {hours(escalation.reassignAfterBreachHours)}.
        </p>
      </Card>

      <Card title="Feedback sales owes">
        <p className="lp-pact-text">Sales accepts or rejects every lead and closes out each one with one of these reasons, within the feedback time above.</p>
        <Table caption="Disposition reasons">
          <thead>
            <tr>
              <HeaderCell>Reason</HeaderCell>
              <HeaderCell>What follows</HeaderCell>
              <HeaderCell>Tells marketing to adjust</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {pact.dispositions.map((disposition) => (
              <Row key={disposition.code}>
                <Cell label="Reason">{disposition.label}</Cell>
                <Cell label="What follows">{dispositionOutcome(disposition)}</Cell>
                <Cell label="Tells marketing to adjust">{disposition.suggests === 'none' ? '—' : disposition.suggests.replace('_', ' ')}</Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>

      <Card title="What marketing owes">
        {pact.commitments.length === 0 ? (
          <p className="lp-pact-text">No commitments written down yet.</p>
        ) : (
          <ul className="lp-pact-list">
            {pact.commitments.map((commitment, index) => (
              <li key={index}>{describeCommitment(commitment)}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
