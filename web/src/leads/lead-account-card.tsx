import { Link } from '@tanstack/react-router';
import type { Role } from '../auth/session-query.ts';
import { mayVisit } from '../shell/navigation.ts';
import { Card } from '../ui/card.tsx';
import type { Lead, LeadAccount } from './lead-detail.ts';

const classLabels: Record<string, string> = { field: 'Field', inside: 'Inside', marketing_led: 'Marketing-led' };
const count = new Intl.NumberFormat();

function revenue(account: LeadAccount): string | null {
  if (account.annualRevenueMinor === null) return null;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: account.currency, notation: 'compact', maximumFractionDigits: 1 }).format(account.annualRevenueMinor / 100);
  } catch {
    // An unknown currency code: show the number without a symbol rather than nothing.
    return `${count.format(Math.round(account.annualRevenueMinor / 100))} ${account.currency}`;
  }
}

/** The company the lead works at: the matched account and its class (which decides routing), or what the lead said. */
export function LeadAccountCard(props: { account: LeadAccount | null; lead: Lead; role: Role }) {
  const { account, lead } = props;
  if (!account) {
    return (
      <Card title="Account" aria-label="Account">
        <p className="lp-card-note">Not matched to an account{lead.company ? `; the lead gave “${lead.company}”.` : '.'}</p>
      </Card>
    );
  }
  const facts: [string, string | null][] = [
    ['Domain', account.domain],
    ['Industry', account.industry],
    ['Employees', account.employees === null ? null : count.format(account.employees)],
    ['Revenue', revenue(account)],
    ['Country', account.country],
    ['Class', account.accountClass ? `${classLabels[account.accountClass] ?? account.accountClass}${account.classPriority !== null ? `, priority ${account.classPriority}` : ''}` : null],
  ];
  return (
    <Card
      title="Account"
      aria-label="Account"
      actions={
        mayVisit(props.role, '/accounts') ? (
          <Link to="/accounts" className="lp-card-link">
            All accounts
          </Link>
        ) : undefined
      }
    >
      <p className="lp-account-card__name">{account.name}</p>
      {account.website ? (
        <p className="lp-card-note">
          <a href={account.website} target="_blank" rel="noreferrer noopener">
            {account.website.replace(/^https?:\/\//, '')}
            <span className="lp-visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      <dl className="lp-facts">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {account.classReason ? <p className="lp-card-note">Classified: {account.classReason}</p> : null}
    </Card>
  );
}
