import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { api, dataOf } from '../api/api-client.ts';
import { useMe } from '../auth/session-query.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useToast } from '../ui/toast.tsx';
import { PactAgreement, PactHeadlines } from './pact-agreement.tsx';
import { storedPactDocument, type PactVersion } from './pact-document.ts';
import { approvalsStillNeeded, mayActivatePact, nextStepFor, pactSideLabels, pactSideOf } from './pact-permissions.ts';
import { activePactQuery, pactDiffQuery, pactKey, pactVersionQuery, pactVersionsQuery } from './pact-queries.ts';
import { previousActivated } from './pact-history.ts';
import { ApprovalLine, PactChangeList, VersionStatusBadge, When } from './pact-version-parts.tsx';
import { RescoreProgress } from './rescore-progress.tsx';
import { isApiError } from '../api/api-error.ts';
import './pact.css';

const route = getRouteApi('/signed-in/pact/versions/$version');

/** Approve for one's own side: shown to marketing users and sales managers while their side has not signed. */
function ApprovalActions(props: { version: PactVersion }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const toast = useToast();
  const side = pactSideOf(me.user.role);
  const approve = useMutation({
    mutationFn: () => dataOf(api.POST('/api/pact-versions/{version}/approve', { params: { path: { version: props.version.version } }, body: {} })),
    onSuccess: (version) => {
      toast.show(version.status === 'approved' ? `Version ${version.version} is approved by both sides.` : `You approved version ${version.version} for ${side === 'sales' ? 'sales' : 'marketing'}.`, 'success');
    },
    // Refused or not, the page shows the version as it is now (someone may have signed meanwhile).
    onSettled: () => queryClient.invalidateQueries({ queryKey: pactKey }),
  });
  const refusal = approve.error ? <InlineError title="Your approval was not recorded." error={approve.error} /> : null;
  // Admins, reps and executives do not sign; the next step above already says who does.
  if (!side || (props.version.status !== 'draft' && !refusal)) return null;
  const needed = approvalsStillNeeded(props.version);
  if (!needed.includes(side)) {
    return (
      <div className="lp-pact-action">
        <p className="lp-pact-muted">{props.version.status === 'draft' ? `${pactSideLabels[side]} has approved this version.` : 'Both sides have approved this version.'}</p>
        {refusal}
      </div>
    );
  }
  return (
    <div className="lp-pact-action">
      <p className="lp-pact-text">You approve for {side === 'sales' ? 'sales, as a sales manager' : 'marketing'}. Approving records your name and the time; it cannot be taken back.</p>
      <div>
        <Button variant="primary" busy={approve.isPending} onClick={() => approve.mutate()}>
          Approve for {side}
        </Button>
      </div>
      {refusal}
    </div>
  );
}

/** Put an approved version in force (admins): the previous one retires and every open lead is rescored. */
function ActivateAction(props: { version: PactVersion; activeVersion: number | null }) {
  const queryClient = useQueryClient();
  const navigate = route.useNavigate();
  const toast = useToast();
  const activate = useMutation({
    mutationFn: () => dataOf(api.POST('/api/pact-versions/{version}/activate', { params: { path: { version: props.version.version } } })),
    onSuccess: async (activation) => {
      // The rescoring card below follows the run to its end; a toast that said "rescoring…" would
      // outlive it on a small pact and contradict the card's "Done".
      toast.show(`Version ${activation.version} is in force.`, 'success');
      await navigate({ search: { run: activation.rescoreRunId }, replace: true });
      await queryClient.invalidateQueries({ queryKey: pactKey });
    },
  });
  const conflict = isApiError(activate.error) && activate.error.status === 409;
  return (
    <div className="lp-pact-action">
      <p className="lp-pact-text">
        Putting version {props.version.version} in force {props.activeVersion ? `retires version ${props.activeVersion} and ` : ''}rescores every open lead under it: grades, MQLs and routing of new MQLs.
      </p>
      <div>
        <Button variant="primary" busy={activate.isPending} onClick={() => activate.mutate()}>
          Put version {props.version.version} in force
        </Button>
      </div>
      {activate.error ? <InlineError title={conflict ? 'The version could not be put in force.' : 'Activation failed.'} error={activate.error} /> : null}
    </div>
  );
}

/**
 * One version: its approvals and what is still needed, approve (for one's side) and activate (admins),
 * the rescoring after activation (`?run=`), what it changes from the version in force, and the document.
 */
export function PactVersionPage() {
  const me = useMe();
  const { version: versionParam } = route.useParams();
  const search = route.useSearch();
  const versionNumber = Number(versionParam);
  const versionQuery = useQuery({ ...pactVersionQuery(versionNumber), enabled: Number.isInteger(versionNumber) && versionNumber > 0 });
  const active = useQuery(activePactQuery);
  const versions = useQuery(pactVersionsQuery);
  // The version in force is compared with the one it replaced; any other with the version in force.
  const isActive = versionQuery.data?.status === 'active';
  const replaced = isActive ? previousActivated(versions.data?.versions ?? [], versionNumber) : undefined;
  const showDiff = versionQuery.data !== undefined && (!isActive || replaced !== undefined);
  const diff = useQuery({ ...pactDiffQuery(versionNumber, replaced?.version), enabled: showDiff });

  if (!Number.isInteger(versionNumber) || versionNumber < 1 || (isApiError(versionQuery.error) && versionQuery.error.status === 404)) {
    return (
      <>
        <PageHeader title="Pact version" />
        <Card>
          <EmptyState icon="pact" title="No such version" action={<Link to="/pact">Back to the pact</Link>}>
            There is no pact version {versionParam}.
          </EmptyState>
        </Card>
      </>
    );
  }
  if (versionQuery.isError) {
    return (
      <>
        <PageHeader title={`Pact version ${versionNumber}`} />
        <InlineError
          title="The version could not be loaded."
          error={versionQuery.error}
          action={
            <Button size="sm" onClick={() => void versionQuery.refetch()}>
              Try again
            </Button>
          }
        />
      </>
    );
  }
  if (versionQuery.isPending) {
    return (
      <>
        <PageHeader title={`Pact version ${versionNumber}`} />
        <div className="lp-pact-loading" role="status">
          <span className="lp-visually-hidden">Loading the version…</span>
          <div className="lp-pact-skeleton" aria-hidden="true" />
        </div>
      </>
    );
  }

  const version = versionQuery.data;
  const pact = storedPactDocument(version);
  const activeVersion = active.data?.version.version ?? null;
  return (
    <div className="lp-pact">
      <PageHeader
        title={
          <span className="lp-pact-title">
            Pact version {version.version} <VersionStatusBadge status={version.status} />
          </span>
        }
        description={
          <>
            {version.note ? `${version.note} · ` : ''}Proposed <When at={version.createdAt} withTime />
            {version.activatedAt ? (
              <>
                {' '}
                · in force from <When at={version.activatedAt} withTime />
              </>
            ) : null}
            {version.retiredAt ? (
              <>
                {' '}
                to <When at={version.retiredAt} withTime />
              </>
            ) : null}
          </>
        }
        actions={<Link to="/pact">Back to the pact</Link>}
      />

      {search.run ? <RescoreProgress runId={search.run} /> : null}

      <div className="lp-pact-overview">
        <Card title="Approvals">
          <div className="lp-pact-approvals">
            <ApprovalLine side="marketing" approval={version.marketingApproval} status={version.status} />
            <ApprovalLine side="sales" approval={version.salesApproval} status={version.status} />
          </div>
          <p className="lp-pact-next-step">{nextStepFor(version)}</p>
          <ApprovalActions version={version} />
          {version.status === 'approved' && mayActivatePact(me.user.role) ? <ActivateAction version={version} activeVersion={activeVersion} /> : null}
        </Card>

        <Card title={replaced ? `Changes from version ${replaced.version} (replaced)` : showDiff ? `Changes from version ${diff.data?.from ?? activeVersion ?? ''} (in force)` : 'Changes'} className="lp-pact-diff">
          {!showDiff ? (
            <p className="lp-pact-muted">{isActive && versions.isPending ? 'Looking for the version it replaced…' : 'This is the first version in force; later drafts are compared with it.'}</p>
          ) : diff.isError ? (
            <InlineError title="The changes could not be loaded." error={diff.error} />
          ) : diff.isPending ? (
            <p className="lp-pact-muted" role="status">
              Comparing…
            </p>
          ) : (
            <PactChangeList changes={diff.data.changes} emptyText={`No differences: this version says the same as version ${diff.data.from}.`} />
          )}
        </Card>
      </div>

      {pact ? (
        <>
          <section aria-labelledby="version-glance" className="lp-pact-glance">
            <h2 id="version-glance" className="lp-pact-section-title">
              Version {version.version} at a glance
            </h2>
            <PactHeadlines pact={pact} />
          </section>
          <PactAgreement pact={pact} />
        </>
      ) : null}
    </div>
  );
}
