import { GradeBadge } from '../ui/badge.tsx';
import { Card } from '../ui/card.tsx';
import type { Lead } from './lead-detail.ts';
import { bandRange, formatPoints, gradeBands, nextGradeGap, scoreBreakdownOf, type ScoreBreakdown } from './lead-score-breakdown.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function Total(props: { label: string; value: number; detail?: string }) {
  return (
    <div className="lp-score__subtotal">
      <span>
        {props.label}
        {props.detail ? <span className="lp-score__subtotal-detail"> {props.detail}</span> : null}
      </span>
      <span className="lp-score__points">{Number.isInteger(props.value) ? props.value : props.value.toFixed(1)}</span>
    </div>
  );
}

function FitRules(props: { breakdown: ScoreBreakdown }) {
  const { fitLines, fitRangeAdjustment } = props.breakdown;
  return (
    <section className="lp-score__group" aria-labelledby="lp-score-fit">
      <h3 id="lp-score-fit" className="lp-score__group-title">
        Fit <span className="lp-score__group-hint">who they are</span>
      </h3>
      {fitLines.length === 0 && fitRangeAdjustment === 0 ? <p className="lp-score__empty">No fit rule matched.</p> : null}
      <ul className="lp-score__lines">
        {fitLines.map((line) => (
          <li key={line.ruleId} className="lp-score__line" data-rule-points={line.points}>
            <span className="lp-score__rule">{line.label}</span>
            <span className={`lp-score__points ${line.points < 0 ? 'lp-score__points--negative' : ''}`}>{formatPoints(line.points)}</span>
          </li>
        ))}
        {fitRangeAdjustment !== 0 ? (
          <li className="lp-score__line lp-score__line--adjustment" data-rule-points={fitRangeAdjustment}>
            <span className="lp-score__rule">Kept within the pact’s fit range</span>
            <span className="lp-score__points">{formatPoints(fitRangeAdjustment)}</span>
          </li>
        ) : null}
      </ul>
      <Total label="Fit" value={props.breakdown.fit} />
    </section>
  );
}

function EngagementRules(props: { breakdown: ScoreBreakdown }) {
  const { engagementLines } = props.breakdown;
  return (
    <section className="lp-score__group" aria-labelledby="lp-score-engagement">
      <h3 id="lp-score-engagement" className="lp-score__group-title">
        Engagement <span className="lp-score__group-hint">what they did, fading with time</span>
      </h3>
      {engagementLines.length === 0 ? <p className="lp-score__empty">No touch the pact gives points for.</p> : null}
      <ul className="lp-score__lines">
        {engagementLines.map((line) => (
          <li key={line.ruleId} className="lp-score__line" data-rule-points={line.points}>
            <span className="lp-score__rule">
              {line.label}
              <span className="lp-score__matched">
                {plural(line.touches, 'touch', 'touches')}
                {line.counted < line.touches ? `, newest ${line.counted} counted` : ''} · {line.rawPoints} before decay · half-life {plural(line.halfLifeDays, 'day', 'days')}
              </span>
            </span>
            <span className={`lp-score__points ${line.points < 0 ? 'lp-score__points--negative' : ''}`}>{formatPoints(line.points)}</span>
          </li>
        ))}
      </ul>
      <Total label="Engagement" value={props.breakdown.engagement} />
    </section>
  );
}

function GradeScale(props: { breakdown: ScoreBreakdown }) {
  const { grade } = props.breakdown;
  const gap = nextGradeGap(grade.value, grade.thresholds);
  const basis = grade.basis === 'fit' ? 'fit' : 'score (fit + engagement)';
  return (
    <section className="lp-score__group" aria-labelledby="lp-score-grade">
      <h3 id="lp-score-grade" className="lp-score__group-title">
        Grade
      </h3>
      <p className="lp-score__grade-line">
        <GradeBadge grade={grade.letter} /> <span>
          Graded on {basis}: <strong>{Number.isInteger(grade.value) ? grade.value : grade.value.toFixed(1)}</strong>
          {gap ? ` — ${gap.points} more for ${gap.grade}` : ''}
        </span>
      </p>
      <ol className="lp-grade-scale" aria-label="Grade thresholds">
        {gradeBands(grade.thresholds).map((band) => (
          <li key={band.grade} className={`lp-grade-scale__band ${band.grade === grade.letter ? 'lp-grade-scale__band--current' : ''}`} aria-current={band.grade === grade.letter ? 'true' : undefined}>
            <span className="lp-grade-scale__letter">{band.grade}</span>
            <span className="lp-grade-scale__range">{bandRange(band)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Why the lead has its score and grade: fit against engagement, every rule that fired with its
 * points (the lines add up to the score), the grade thresholds and where the lead sits in them.
 */
export function LeadScorePanel(props: { lead: Lead }) {
  const explanation = props.lead.scoreExplanation;
  if (!explanation) {
    return (
      <Card title="Score" aria-label="Score">
        <p className="lp-score__empty">{props.lead.stage === 'junk' ? 'Junk leads are not scored.' : 'This lead has not been scored yet.'}</p>
      </Card>
    );
  }
  const breakdown = scoreBreakdownOf(explanation);
  const fitShare = breakdown.exactTotal > 0 ? Math.max(0, Math.min(1, breakdown.fit / breakdown.exactTotal)) : 0;
  return (
    <Card title="Score" aria-label="Score" className="lp-score" actions={<span className="lp-score__scored">Scored {dateTime.format(new Date(breakdown.scoredAt))}</span>}>
      <div className="lp-score__summary">
        <p className="lp-score__equation">
          <span className="lp-score__total" data-score-total={breakdown.total}>
            {breakdown.total}
          </span>
          <span className="lp-score__equation-parts">
            = fit {breakdown.fit} + engagement {breakdown.engagement}
            {breakdown.exactTotal !== breakdown.total ? ` (${breakdown.exactTotal}, rounded)` : ''}
          </span>
        </p>
        {breakdown.exactTotal > 0 ? (
          <div className="lp-score__bar" aria-hidden="true">
            <span className="lp-score__bar-fit" style={{ flexGrow: fitShare }} />
            <span className="lp-score__bar-engagement" style={{ flexGrow: 1 - fitShare }} />
          </div>
        ) : null}
        {breakdown.handRaiser ? <p className="lp-score__hand-raiser">Hand-raiser: has a touch the pact counts as asking for sales.</p> : null}
      </div>
      <div className="lp-score__groups">
        <FitRules breakdown={breakdown} />
        <EngagementRules breakdown={breakdown} />
      </div>
      <GradeScale breakdown={breakdown} />
    </Card>
  );
}
