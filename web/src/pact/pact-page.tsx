import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMe } from '../auth/session-query.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { PactAgreement, PactHeadlines } from './pact-agreement.tsx';
import { storedPactDocument, type PactVersion } from './pact-document.ts';
import { pendingVersions } from './pact-history.ts';
import { mayProposePact, nextStepFor } from './pact-permissions.ts';
import { activePactQuery, pactVersionsQuery } from './pact-queries.ts';
import { ApprovalLine, VersionLink, VersionStatusBadge, When } from './pact-version-parts.tsx';
import '../ui/button.css';
import './pact.css';

function VersionHistory(props: { versions: readonly PactVersion[] }) {
  return (
    <Table caption="Every version of the pact, newest first">
      <thead>
        <tr>
          <HeaderCell>Version</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell>Marketing</HeaderCell>
          <HeaderCell>Sales</HeaderCell>
          <HeaderCell>In force</HeaderCell>
        </tr>
      </thead>
      <tbody>
        {props.versions.map((version) => (
          <Row key={version.id} data-version={version.version}>
            <Cell label="Version">
              <span>
                <VersionLink version={version.version} />
                {version.note ? <span className="lp-pact-history__note">{version.note}</span> : null}
              </span>
            </Cell>
            <Cell label="Status">
              <VersionStatusBadge status={version.status} />
            </Cell>
            <Cell label="Marketing">{version.marketingApproval ? version.marketingApproval.name ?? 'a former user' : '—'}</Cell>
            <Cell label="Sales">{version.salesApproval ? version.salesApproval.name ?? 'a former user' : '—'}</Cell>
            <Cell label="In force">
              {version.activatedAt ? (
                <span>
                  <When at={version.activatedAt} />
                  {version.retiredAt ? (
                    <>
                      {' – '}
                      <When at={version.retiredAt} />
                    </>
                  ) : (
                    ' – now'
                  )}
                </span>
              ) : (
                '—'
              )}
            </Cell>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The pact in force, readable as the one-page agreement it is — every role reads it — with who
 * signed it, the versions on their way in and the history. Admins and marketing start drafts here.
 */
export function PactPage() {
  const me = useMe();
  const active = useQuery(activePactQuery);
  const versions = useQuery(pactVersionsQuery);
  const mayPropose = mayProposePact(me.user.role);

  if (active.isError) {
    return (
      <>
        <PageHeader title="Pact" />
        <InlineError
          title="The pact could not be loaded."
          error={active.error}
          action={
            <Button size="sm" onClick={() => void active.refetch()}>
              Try again
            </Button>
          }
        />
      </>
    );
  }
  if (active.isPending) {
    return (
      <>
        <PageHeader title="Pact" />
        <div className="lp-pact-loading" role="status">
          <span className="lp-visually-hidden">Loading the pact…</span>
          {[0, 1, 2].map((index) => (
            <div key={index} className="lp-pact-skeleton" aria-hidden="true" />
          ))}
        </div>
      </>
    );
  }

  const { version } = active.data;
  const pact = storedPactDocument(version);
  const pending = versions.data ? pendingVersions(versions.data.versions, version.version) : [];
  return (
    <div className="lp-pact">
      <PageHeader
        title="Pact"
        description={`${pact?.name ?? 'The pact'}: what a lead is worth, when it goes to sales, who works it, how fast, and what each side owes the other.`}
        actions={
          mayPropose ? (
            <Link to="/pact/draft" className="lp-button lp-button--primary lp-button--md">
              <Icon name="pact" size={16} />
              <span>Start a draft</span>
            </Link>
          ) : null
        }
      />

      {pending.map((candidate) => (
        <div key={candidate.id} className="lp-pact-callout" role="note">
          <Icon name="alert" size={18} />
          <p>
            <strong>
              Version {candidate.version} is {candidate.status === 'draft' ? 'a draft' : 'approved'}.
            </strong>{' '}
            {nextStepFor(candidate)}
          </p>
          <VersionLink version={candidate.version}>Review version {candidate.version}</VersionLink>
        </div>
      ))}

      <div className="lp-pact-overview">
        <Card title={`In force: version ${version.version}`} className="lp-pact-in-force">
          <dl className="lp-pact-facts">
            <div>
              <dt>Active since</dt>
              <dd>{version.activatedAt ? <When at={version.activatedAt} withTime /> : '—'}</dd>
            </div>
            {version.note ? (
              <div>
                <dt>Note</dt>
                <dd>{version.note}</dd>
              </div>
            ) : null}
          </dl>
          <div className="lp-pact-approvals">
            <ApprovalLine side="marketing" approval={version.marketingApproval} status={version.status} />
            <ApprovalLine side="sales" approval={version.salesApproval} status={version.status} />
          </div>
        </Card>
        <Card title="Versions" flush className="lp-pact-history">
          {versions.isError ? (
            <div className="lp-pact-card-message">
              <InlineError title="The versions could not be loaded." error={versions.error} />
            </div>
          ) : versions.isPending ? (
            <p className="lp-pact-card-message lp-pact-muted" role="status">
              Loading the versions…
            </p>
          ) : (
            <VersionHistory versions={versions.data.versions} />
          )}
        </Card>
      </div>

      {pact ? (
        <>
          <section aria-labelledby="pact-glance" className="lp-pact-glance">
            <h2 id="pact-glance" className="lp-pact-section-title">
              At a glance
            </h2>
            <PactHeadlines pact={pact} />
          </section>
          <PactAgreement pact={pact} />
        </>
      ) : null}
    </div>
  );
}
