import { formatNumber } from './describe-condition.ts';
import type { Disposition, PactDocument } from './pact-schema.ts';

type Commitment = PactDocument['commitments'][number];

/** What happens to a lead closed out with the disposition: "recycled to nurture after 90 days". */
export function dispositionOutcome(disposition: Disposition): string {
  if (disposition.action === 'recycle') return `recycled to nurture after ${disposition.recycleAfterDays ?? '?'} days`;
  if (disposition.action === 'return_to_marketing') return 'returned to marketing';
  return 'disqualified';
}

/** A marketing commitment as a sentence: "1,500 MQLs per quarter to all teams, at least 20 % becoming SQLs". */
export function describeCommitment(commitment: Commitment): string {
  const team = commitment.team === undefined ? 'all teams' : commitment.team;
  const floor = formatNumber(commitment.mqlToSqlFloor * 100);
  return `${formatNumber(commitment.mqlVolume)} MQLs per ${commitment.period} to ${team}, at least ${floor} % becoming SQLs`;
}
