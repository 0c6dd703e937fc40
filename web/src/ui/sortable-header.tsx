import type { ThHTMLAttributes } from 'react';
import { ariaSortOf, sortAfterPressing, type ListSort } from './list-sort.ts';
import './sortable-header.css';

export interface SortableHeaderCellProps<Key extends string> extends Omit<ThHTMLAttributes<HTMLTableCellElement>, 'align' | 'children'> {
  label: string;
  sortKey: Key;
  /** The list's current order. */
  sort: ListSort<Key>;
  /** The direction a first press sorts in: true for numbers and dates people read biggest or newest first. */
  firstDescending?: boolean;
  onSort(next: ListSort<Key>): void;
  align?: 'start' | 'end';
}

/** Up and down chevrons; the one for the current direction is drawn solid. */
function SortMark(props: { direction: 'ascending' | 'descending' | undefined }) {
  return (
    <svg className="lp-sort__mark" width="10" height="14" viewBox="0 0 10 14" aria-hidden="true" focusable="false">
      <path d="M1.5 5.5L5 2l3.5 3.5" className={props.direction === 'ascending' ? 'lp-sort__mark-on' : 'lp-sort__mark-off'} />
      <path d="M1.5 8.5L5 12l3.5-3.5" className={props.direction === 'descending' ? 'lp-sort__mark-on' : 'lp-sort__mark-off'} />
    </svg>
  );
}

/**
 * A column header that sorts the table: a real button inside the th (keyboard and screen readers for
 * free), `aria-sort` on the th of the sorted column. Pressing the sorted column flips its direction.
 */
export function SortableHeaderCell<Key extends string>({ label, sortKey, sort, firstDescending = false, onSort, align, className, ...rest }: SortableHeaderCellProps<Key>) {
  const direction = ariaSortOf(sort, sortKey);
  const next = sortAfterPressing(sort, sortKey, firstDescending);
  return (
    <th
      scope="col"
      aria-sort={direction}
      {...rest}
      className={['lp-table__th', 'lp-sort', align === 'end' ? 'lp-table__cell--end' : '', className ?? ''].filter(Boolean).join(' ')}
    >
      <button
        type="button"
        className={['lp-sort__button', direction ? 'lp-sort__button--active' : ''].filter(Boolean).join(' ')}
        title={`Sort by ${label.toLowerCase()}, ${next.descending ? 'descending' : 'ascending'}`}
        onClick={() => onSort(next)}
      >
        {label}
        <SortMark direction={direction} />
      </button>
    </th>
  );
}
