import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useMe, type Me } from '../auth/session-query.ts';
import { leadDisplayName } from '../inbox/lead-name.ts';
import { landingPathFor } from '../shell/navigation.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { HrefLink } from '../ui/href-link.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { LeadAccountCard } from './lead-account-card.tsx';
import { LeadAuditCard } from './lead-audit-card.tsx';
import { backLinkOf, type BackLink } from './lead-back-path.ts';
import { LeadDuplicatesCard, LeadJunkCard } from './lead-curation-card.tsx';
import { isLeadUnavailable, leadDetailQuery, type LeadDetail } from './lead-detail.ts';
import { activeDispositionsQuery } from './lead-dispositions.ts';
import { LeadContactDialog } from './lead-contact-dialog.tsx';
import { LeadHeader } from './lead-header.tsx';
import { LeadOwnerCard } from './lead-owner-card.tsx';
import { leadPermissionsFor, type LeadPermissions } from './lead-permissions.ts';
import { LeadScorePanel } from './lead-score-panel.tsx';
import { LeadStageCard } from './lead-stage-card.tsx';
import { LeadTimelineCard } from './lead-timeline-card.tsx';
import './lead-page.css';

const route = getRouteApi('/signed-in/leads/$leadId');

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Escape goes back to the list the page was opened from — unless it belongs to something else:
 * a form control (Escape there is the control's), an open dialog, or the phone menu drawer, which
 * the shell closes with Escape.
 */
function useEscapeGoesBack(href: string) {
  const router = useRouter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open], .lp-shell--drawer-open')) return;
      void router.navigate({ href });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [href, router]);
}

function BackLinkBar(props: { back: BackLink }) {
  return (
    <p className="lp-back-bar">
      <HrefLink href={props.back.href}>
        <span aria-hidden="true">←</span> {props.back.label}
      </HrefLink>
      <span className="lp-lead-page__back-key" aria-hidden="true">
        <kbd>Esc</kbd>
      </span>
    </p>
  );
}

/** What a 400/403/404 means here: the lead does not exist, or it is not this user's to see — the API does not say which, nor do we. */
function LeadUnavailable(props: { back: BackLink }) {
  return (
    <div className="lp-lead-page lp-lead-page--unavailable">
      <BackLinkBar back={props.back} />
      <h1 className="lp-visually-hidden">Lead not found</h1>
      <EmptyState
        icon="search"
        title="This lead is not here, or not yours"
        action={
          <HrefLink href={props.back.href} className="lp-card-link">
            {props.back.label}
          </HrefLink>
        }
      >
        There is no lead at this address that you may open. Leads belong to their owner, their owner’s team manager, marketing and admins; ask your manager if you think this one should be yours.
      </EmptyState>
    </div>
  );
}

function LeadLoading(props: { back: BackLink }) {
  return (
    <div className="lp-lead-page" aria-busy="true">
      <BackLinkBar back={props.back} />
      <h1 className="lp-visually-hidden">Loading the lead…</h1>
      <div className="lp-lead-page__loading" role="status">
        <span className="lp-visually-hidden">Loading the lead…</span>
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="lp-skeleton-block" aria-hidden="true" />
        ))}
      </div>
    </div>
  );
}

function LeadView(props: { detail: LeadDetail; me: Me; back: BackLink; from: string | undefined; refreshError: unknown }) {
  const { detail, me } = props;
  const { lead } = detail;
  // A merged lead lives on in its survivor: it is shown, never changed.
  const permissions: LeadPermissions = lead.mergedIntoId
    ? { moveStage: false, correctStage: false, reassign: false, junk: false, merge: false, editContact: false, readAudit: me.user.role === 'admin' }
    : leadPermissionsFor(me.user, lead);
  const dispositions = useQuery(activeDispositionsQuery);
  const now = useMemo(() => new Date(), [detail]);
  const [editingContact, setEditingContact] = useState(false);
  return (
    <div className="lp-lead-page">
      <BackLinkBar back={props.back} />
      {lead.mergedIntoId ? (
        <p className="lp-lead-page__merged" role="note">
          This lead was merged into{' '}
          <Link to="/leads/$leadId" params={{ leadId: lead.mergedIntoId }} search={props.from ? { from: props.from } : {}}>
            another lead
          </Link>
          ; its history is kept here, and the work goes on there.
        </p>
      ) : null}
      {props.refreshError ? <InlineError title="The lead could not be refreshed; it shows what was loaded before." error={props.refreshError} /> : null}
      <LeadHeader lead={lead} accountName={detail.account?.name ?? null} onEditContact={permissions.editContact ? () => setEditingContact(true) : undefined} />
      {editingContact ? <LeadContactDialog lead={lead} onClose={() => setEditingContact(false)} /> : null}
      {/* Two columns on a wide screen, one on a narrow one, in the same order as the focus moves. */}
      <div className="lp-lead-page__layout">
        <div className="lp-lead-page__main">
          <LeadStageCard detail={detail} permissions={permissions} now={now} />
          <LeadScorePanel lead={lead} />
          <LeadTimelineCard touches={detail.touches} events={detail.events} context={{ leadId: lead.id, from: props.from, now, dispositions: dispositions.data ?? [] }} />
        </div>
        <div className="lp-lead-page__side">
          <LeadOwnerCard detail={detail} me={me} mayReassign={permissions.reassign} now={now} />
          <LeadAccountCard account={detail.account} lead={lead} role={me.user.role} />
          <LeadDuplicatesCard lead={lead} duplicates={detail.duplicates} mayMerge={permissions.merge} from={props.from} />
          {permissions.junk ? <LeadJunkCard lead={lead} /> : null}
          {permissions.readAudit ? <LeadAuditCard leadId={lead.id} /> : null}
        </div>
      </div>
    </div>
  );
}

/**
 * One lead, everything about it: who they are and how to reach them, their grade and score with
 * every rule's points, their stage in the lifecycle and the moves this user may make, the owner
 * and why they got it, the account, likely duplicates, and the timeline of touches and events.
 * Escape (or the back link) returns to the list it was opened from.
 */
export function LeadPage() {
  const { leadId } = route.useParams();
  const search = route.useSearch();
  const me = useMe();
  const back = backLinkOf(search.from, landingPathFor(me.user.role));
  const lead = useQuery(leadDetailQuery(leadId));
  useEscapeGoesBack(back.href);

  // The document title names the lead, so a tab, the history list and a screen reader say whose page it is.
  const name = lead.data ? leadDisplayName(lead.data.lead) : null;
  useEffect(() => {
    if (!name) return undefined;
    const before = document.title;
    document.title = `${name} · leadpact`;
    return () => {
      document.title = before;
    };
  }, [name]);

  if (lead.data) return <LeadView detail={lead.data} me={me} back={back} from={search.from} refreshError={lead.error} />;
  if (lead.isPending) return <LeadLoading back={back} />;
  if (isLeadUnavailable(lead.error)) return <LeadUnavailable back={back} />;
  return (
    <div className="lp-lead-page">
      <BackLinkBar back={back} />
      <h1 className="lp-visually-hidden">Lead</h1>
      <InlineError
        title="This lead could not be loaded."
        error={lead.error}
        action={
          <Button size="sm" onClick={() => void lead.refetch()}>
            Try again
          </Button>
        }
      />
    </div>
  );
}
