import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMe } from '../auth/session-query.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { GradeBadge, StageBadge, type Grade } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { inInboxOrder, type LeadSummary } from './inbox-order.ts';
import { InboxEmptyState } from './inbox-empty-state.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import { inboxViews, type InboxSearch, type InboxView } from './inbox-search.ts';
import { leadDisplayName } from './lead-name.ts';
import { LeadPreview, leadPreviewId } from './lead-preview.tsx';
import { movedIndex, useListShortcuts } from './list-keyboard.ts';
import { myLeadsQuery } from './my-leads-query.ts';
import { timeAgo } from './time-ago.ts';
import './inbox.css';

const route = getRouteApi('/signed-in/inbox');

/**
 * The rep's inbox: their leads, best grade first and, within a grade, the one waiting longest first;
 * filters (view, grade, source, search) live in the URL; j/k move, Enter opens a preview, / searches.
 */
export function InboxPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view: InboxView = search.view ?? 'to-work';
  const appliedText = search.q ?? '';

  const [text, setText] = useState(appliedText);
  const settledText = useDebouncedValue(text.trim(), 250);
  // Typing updates the URL once it pauses; only a new settled text does (not a URL change, such as
  // "Clear filters", that the settling text has not caught up with yet).
  const appliedTextNow = useRef(appliedText);
  appliedTextNow.current = appliedText;
  useEffect(() => {
    if (settledText !== appliedTextNow.current) void navigate({ search: (previous: InboxSearch) => ({ ...previous, q: settledText || undefined }), replace: true });
  }, [settledText, navigate]);

  const leadsQuery = useQuery(myLeadsQuery(me.user.id, view, appliedText));
  const loaded = useMemo(() => leadsQuery.data?.leads ?? [], [leadsQuery.data]);
  const sources = useMemo(() => [...new Set(loaded.map((lead) => lead.source).filter((source): source is string => Boolean(source)))].sort((a, b) => a.localeCompare(b)), [loaded]);
  const gradeCounts = useMemo(() => {
    const counts = new Map<Grade, number>();
    for (const lead of loaded) if (lead.grade && (!search.source || lead.source === search.source)) counts.set(lead.grade, (counts.get(lead.grade) ?? 0) + 1);
    return counts;
  }, [loaded, search.source]);
  const visible = useMemo(
    () => inInboxOrder(loaded.filter((lead) => (!search.grade || lead.grade === search.grade) && (!search.source || lead.source === search.source))),
    [loaded, search.grade, search.source],
  );

  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const rowButtons = useRef(new Map<string, HTMLButtonElement>());
  const searchInput = useRef<HTMLInputElement>(null);
  const openLead = visible.find((lead) => lead.id === openId) ?? null;
  const now = useMemo(() => new Date(), [leadsQuery.dataUpdatedAt]);

  useListShortcuts({
    move(direction) {
      const current = visible.findIndex((lead) => lead.id === activeId);
      const next = movedIndex(current === -1 ? null : current, visible.length, direction);
      const lead = next === null ? undefined : visible[next];
      if (!lead) return;
      setActiveId(lead.id);
      if (openId !== null) setOpenId(lead.id);
      rowButtons.current.get(lead.id)?.focus();
    },
    focusSearch() {
      searchInput.current?.focus();
    },
    close() {
      if (openId === null) return;
      setOpenId(null);
      rowButtons.current.get(openId)?.focus();
    },
  });

  const setFilter = (change: Partial<InboxSearch>) => void navigate({ search: (previous: InboxSearch) => ({ ...previous, ...change }), replace: true });
  const clearFilters = () => {
    setText('');
    void navigate({ search: (previous: InboxSearch) => ({ view: previous.view }), replace: true });
  };
  const toggle = (lead: LeadSummary) => {
    setActiveId(lead.id);
    setOpenId((current) => (current === lead.id ? null : lead.id));
  };

  return (
    <div className="lp-inbox">
      <PageHeader title="Inbox" description="Your leads: best grade first, then the one waiting longest in its stage." />

      <InboxFilters
        text={text}
        onTextChange={setText}
        searchInput={searchInput}
        view={view}
        source={search.source}
        sources={sources}
        grade={search.grade}
        gradeCounts={gradeCounts}
        onChange={setFilter}
      />

      <div className={['lp-inbox__layout', openLead ? 'lp-inbox__layout--with-preview' : ''].filter(Boolean).join(' ')}>
        <Card flush className="lp-inbox__list" aria-busy={leadsQuery.isFetching}>
          {leadsQuery.isError && !leadsQuery.data ? (
            <div className="lp-inbox__message">
              <InlineError
                title="Your leads could not be loaded."
                error={leadsQuery.error}
                action={
                  <Button size="sm" onClick={() => void leadsQuery.refetch()}>
                    Try again
                  </Button>
                }
              />
            </div>
          ) : leadsQuery.isPending ? (
            <div className="lp-inbox__loading" role="status">
              <span className="lp-visually-hidden">Loading your leads…</span>
              {[0, 1, 2, 3, 4].map((index) => (
                <div key={index} className="lp-skeleton-row" aria-hidden="true" />
              ))}
            </div>
          ) : visible.length === 0 ? (
            <InboxEmptyState view={view} grade={search.grade} source={search.source} text={appliedText} onClearFilters={clearFilters} onShowAll={() => setFilter({ view: 'all' })} />
          ) : (
            <>
              {leadsQuery.isError ? (
                <div className="lp-inbox__message">
                  <InlineError title="The list could not be refreshed; it shows what was loaded before." error={leadsQuery.error} />
                </div>
              ) : null}
              <Table caption={`My leads: ${inboxViews[view].label}, ${visible.length} shown`}>
                <thead>
                  <tr>
                    <HeaderCell className="lp-inbox__col-grade">Grade</HeaderCell>
                    <HeaderCell>Lead</HeaderCell>
                    <HeaderCell className="lp-inbox__col-secondary">Company</HeaderCell>
                    <HeaderCell className="lp-inbox__col-secondary">Source</HeaderCell>
                    <HeaderCell align="end">Score</HeaderCell>
                    <HeaderCell>Stage</HeaderCell>
                    <HeaderCell align="end" title="Time since the lead entered its current stage">
                      Waiting
                    </HeaderCell>
                    <HeaderCell align="end" className="lp-inbox__col-secondary" title="Time since the lead was first captured">
                      Age
                    </HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((lead) => (
                    <Row key={lead.id} selected={lead.id === activeId || lead.id === openId} onClick={() => toggle(lead)} data-lead-id={lead.id}>
                      <Cell label="Grade" className="lp-inbox__cell-grade">
                        <GradeBadge grade={lead.grade} />
                      </Cell>
                      <Cell label="Lead" className="lp-inbox__lead-cell">
                        <button
                          type="button"
                          className="lp-inbox__lead"
                          ref={(element) => {
                            if (element) rowButtons.current.set(lead.id, element);
                            else rowButtons.current.delete(lead.id);
                          }}
                          onFocus={() => setActiveId(lead.id)}
                          aria-expanded={lead.id === openId}
                          aria-controls={lead.id === openId ? leadPreviewId : undefined}
                        >
                          <span className="lp-inbox__lead-name">{leadDisplayName(lead)}</span>
                          <span className="lp-inbox__lead-title">{lead.title ?? lead.email ?? ''}</span>
                        </button>
                      </Cell>
                      <Cell label="Company" className="lp-inbox__col-secondary lp-inbox__cell-company">{lead.accountName ?? lead.company ?? '–'}</Cell>
                      <Cell label="Source" className="lp-inbox__col-secondary lp-inbox__cell-source">{lead.source ?? '–'}</Cell>
                      <Cell label="Score" align="end" className="lp-inbox__cell-score">
                        {lead.score === null ? '–' : Math.round(lead.score)}
                      </Cell>
                      <Cell label="Stage" className="lp-inbox__cell-stage">
                        <StageBadge stage={lead.stage} />
                      </Cell>
                      <Cell label="Waiting" align="end" className="lp-inbox__cell-waiting" title={new Date(lead.stageChangedAt).toLocaleString()}>
                        {timeAgo(new Date(lead.stageChangedAt), now)}
                      </Cell>
                      <Cell label="Age" align="end" className="lp-inbox__col-secondary lp-inbox__cell-age" title={new Date(lead.createdAt).toLocaleString()}>
                        {timeAgo(new Date(lead.createdAt), now)}
                      </Cell>
                    </Row>
                  ))}
                </tbody>
              </Table>
              <p className="lp-inbox__footer">
                {visible.length === loaded.length ? `${loaded.length} ${loaded.length === 1 ? 'lead' : 'leads'}` : `${visible.length} of ${loaded.length} leads`}
                {leadsQuery.data?.truncated ? ' (only the first 5,000 loaded: narrow the view or search)' : ''}
                <span className="lp-inbox__keys" aria-hidden="true">
                  <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search · <kbd>Esc</kbd> close
                </span>
              </p>
            </>
          )}
        </Card>
        {openLead ? <LeadPreview lead={openLead} now={now} onClose={() => { setOpenId(null); rowButtons.current.get(openLead.id)?.focus(); }} /> : null}
      </div>
    </div>
  );
}
