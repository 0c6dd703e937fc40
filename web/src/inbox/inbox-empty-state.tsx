import type { Grade } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { inboxViews, type InboxView } from './inbox-search.ts';

/**
 * What an empty inbox says: with filters on, which ones found nothing and a way to clear them;
 * without, why there is nothing yet and what to do (look at all leads, or ask about routing).
 */
export function InboxEmptyState(props: { view: InboxView; grade: Grade | undefined; source: string | undefined; text: string; onClearFilters(): void; onShowAll(): void }) {
  const filters = [props.grade ? `grade ${props.grade}` : null, props.source ? `source ${props.source}` : null, props.text ? `“${props.text}” in it` : null].filter(Boolean);
  if (filters.length > 0) {
    return (
      <EmptyState
        icon="search"
        title="No leads match these filters"
        action={
          <Button variant="secondary" onClick={props.onClearFilters}>
            Clear filters
          </Button>
        }
      >
        Nothing in “{inboxViews[props.view].label}” has {filters.join(', ')}.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={props.view === 'to-work' ? 'Nothing waiting for you' : `No leads in “${inboxViews[props.view].label}”`}
      action={
        props.view !== 'all' ? (
          <Button variant="secondary" onClick={props.onShowAll}>
            Show all my leads
          </Button>
        ) : undefined
      }
    >
      {props.view === 'to-work'
        ? 'New MQLs routed to you arrive here, best grade first. Accept each one quickly: the pact’s SLA clock starts when a lead reaches you.'
        : 'Leads assigned to you show up here. If you expected some, ask your manager whether routing sends leads to you (capacity, away dates).'}
    </EmptyState>
  );
}
