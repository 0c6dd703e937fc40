import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { isApiError } from '../api/api-error.ts';
import { HrefLink } from '../ui/href-link.tsx';
import { leadDisplayName } from '../inbox/lead-name.ts';
import { Badge, GradeBadge, StageBadge, stageLabels } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import '../ui/list-table.css';
import { accountClassLabels } from './account-classes.ts';
import { accountFacts, accountsBackHref } from './account-detail.ts';
import { accountDetailQuery, type AccountDetail } from './accounts-list-query.ts';
import { leadStages } from '../leads/leads-list-search.ts';
import './account-detail.css';

const route = getRouteApi('/signed-in/accounts/$accountId');
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** An account's website as a link (shown as its domain), when it has one worth linking. */
function websiteHref(account: AccountDetail['account']): string | null {
  const raw = account.website ?? (account.domain ? `https://${account.domain}` : null);
  if (!raw) return null;
  try {
    const url = new URL(raw.includes('://') ? raw : `https://${raw}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function AccountView(props: { detail: AccountDetail }) {
  const { account, leadCounts, recentLeads } = props.detail;
  const website = websiteHref(account);
  const stagesWithLeads = leadStages.filter((stage) => leadCounts.byStage[stage] > 0);
  return (
    <>
      <PageHeader
        title={account.name}
        description={
          <span className="lp-account-detail__subtitle">
            {website ? (
              <a href={website} target="_blank" rel="noopener noreferrer">
                {account.domain ?? website}
              </a>
            ) : (
              (account.domain ?? 'No domain')
            )}
            {account.accountClass ? <Badge tone="info">{accountClassLabels[account.accountClass]}</Badge> : <Badge>Not classified</Badge>}
          </span>
        }
      />
      <div className="lp-account-detail__layout">
        <Card title={`Leads (${leadCounts.total.toLocaleString()})`} flush className="lp-account-detail__leads">
          {leadCounts.total === 0 ? (
            <EmptyState icon="leads" title="No leads you may see">
              Leads join this account when they come from its domain. A sales manager sees only the leads of their team.
            </EmptyState>
          ) : (
            <>
              <ul className="lp-account-detail__stages" aria-label="Leads by stage">
                {stagesWithLeads.map((stage) => (
                  <li key={stage}>
                    <StageBadge stage={stage} /> <span className="lp-account-detail__stage-count">{leadCounts.byStage[stage].toLocaleString()}</span>
                    <span className="lp-visually-hidden"> {stageLabels[stage]} leads</span>
                  </li>
                ))}
              </ul>
              <p className="lp-account-detail__note">
                {recentLeads.length < leadCounts.total ? `The newest ${recentLeads.length} of ${leadCounts.total.toLocaleString()} leads. ` : null}
                {/* The list pages, sorts, filters and exports them all. */}
                <Link to="/leads" search={{ account: account.id }}>
                  {leadCounts.total === 1 ? 'Open it in the leads list' : `All ${leadCounts.total.toLocaleString()} in the leads list`}
                </Link>
              </p>
              <Table caption={recentLeads.length < leadCounts.total ? `The newest ${recentLeads.length} of ${leadCounts.total} leads` : 'The account’s leads'} className="lp-list-table">
                <thead>
                  <tr>
                    <HeaderCell>Name</HeaderCell>
                    <HeaderCell>Grade</HeaderCell>
                    <HeaderCell align="end">Score</HeaderCell>
                    <HeaderCell>Stage</HeaderCell>
                    <HeaderCell>Owner</HeaderCell>
                    <HeaderCell align="end">Created</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {recentLeads.map((lead) => (
                    <Row key={lead.id} data-lead-id={lead.id}>
                      <Cell label="Name">
                        <Link to="/leads/$leadId" params={{ leadId: lead.id }} search={{ from: `/accounts/${account.id}` }} className="lp-list-table__link">
                          {leadDisplayName(lead)}
                        </Link>
                        <span className="lp-list-table__sub">{lead.title ?? ''}</span>
                      </Cell>
                      <Cell label="Grade">
                        <GradeBadge grade={lead.grade} />
                      </Cell>
                      <Cell label="Score" align="end">
                        {lead.score === null ? '–' : Math.round(lead.score)}
                      </Cell>
                      <Cell label="Stage">
                        <StageBadge stage={lead.stage} />
                      </Cell>
                      <Cell label="Owner" className="lp-list-table__clip">
                        {lead.ownerName ?? <span className="lp-list-table__muted">Unassigned</span>}
                      </Cell>
                      <Cell label="Created" align="end">
                        {dateFormat.format(new Date(lead.createdAt))}
                      </Cell>
                    </Row>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </Card>
        <Card title="About" className="lp-account-detail__about">
          <dl className="lp-account-detail__facts">
            {accountFacts(props.detail).map((fact) => (
              <div key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
            {account.classReason ? (
              <div>
                <dt>Why this class</dt>
                <dd>{account.classReason}</dd>
              </div>
            ) : null}
            <div>
              <dt>Created</dt>
              <dd>{dateFormat.format(new Date(account.createdAt))}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}

/**
 * One account: what it is, who owns it, and its leads (those the viewer may see) by stage with the
 * newest of them, each linking to its lead page.
 */
export function AccountDetailPage() {
  const { accountId } = route.useParams();
  const search = route.useSearch();
  const backHref = accountsBackHref(search.from);
  const detail = useQuery(accountDetailQuery(accountId));
  const missing = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400);
  return (
    <div className="lp-account-detail">
      <p className="lp-back-bar">
        <HrefLink href={backHref}>
          <span aria-hidden="true">←</span> Back to accounts
        </HrefLink>
      </p>
      {detail.data ? (
        <>
          {detail.isError ? <InlineError title="The account could not be refreshed; it shows what was loaded before." error={detail.error} /> : null}
          <AccountView detail={detail.data} />
        </>
      ) : missing ? (
        <>
          <h1 className="lp-visually-hidden">Account not found</h1>
          <EmptyState icon="search" title="This account is not here, or not yours to see" action={<HrefLink href={backHref}>Back to accounts</HrefLink>}>
            There is no account at this address that you may open. A sales manager sees the accounts their team owns or works leads of.
          </EmptyState>
        </>
      ) : detail.isError ? (
        <>
          <h1 className="lp-visually-hidden">Account</h1>
          <InlineError
            title="The account could not be loaded."
            error={detail.error}
            action={
              <Button size="sm" onClick={() => void detail.refetch()}>
                Try again
              </Button>
            }
          />
        </>
      ) : (
        <div className="lp-list-loading" role="status">
          <h1 className="lp-visually-hidden">Loading the account…</h1>
          {[0, 1, 2, 3].map((index) => (
            <div key={index} className="lp-list-skeleton" aria-hidden="true" />
          ))}
        </div>
      )}
    </div>
  );
}
