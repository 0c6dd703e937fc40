import { useId, useState, type ReactNode } from 'react';
import { Button } from './button.tsx';
import './filter-bar.css';

export interface FilterBarProps {
  /** What the bar filters, for assistive technology ("Filter leads"). */
  label: string;
  /** The search box: always in view. */
  search: ReactNode;
  /** The sort menu: shown only where the table's sortable headers are hidden (phones). */
  sort?: ReactNode;
  /** How many of the filters in `children` are set (shown on the phone's Filters button). */
  activeCount: number;
  /** Shown when any filter (search included) is set. */
  onClear?: () => void;
  /** The other filters. */
  children: ReactNode;
}

/**
 * A list's filter bar: the search box, then the other filters in a wrapping grid. Below 720 px the
 * filters fold behind a "Filters" button (a disclosure) and the sort menu stands in for the headers.
 */
export function FilterBar(props: FilterBarProps) {
  const panelId = useId();
  const [expanded, setExpanded] = useState(false);
  return (
    <div className="lp-filter-bar" role="search" aria-label={props.label}>
      <div className="lp-filter-bar__main">
        <div className="lp-filter-bar__search">{props.search}</div>
        <Button className="lp-filter-bar__toggle" aria-expanded={expanded} aria-controls={panelId} onClick={() => setExpanded((current) => !current)}>
          {props.activeCount > 0 ? `Filters (${props.activeCount})` : 'Filters'}
        </Button>
        {props.sort ? <div className="lp-filter-bar__sort">{props.sort}</div> : null}
      </div>
      <div id={panelId} className={['lp-filter-bar__panel', expanded ? 'lp-filter-bar__panel--open' : ''].filter(Boolean).join(' ')}>
        {props.children}
        {props.onClear ? (
          <div className="lp-filter-bar__clear">
            <Button variant="ghost" onClick={props.onClear}>
              Clear filters
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
