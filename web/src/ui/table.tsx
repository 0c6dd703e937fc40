import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import './table.css';

/**
 * A data table. The caption names it for screen readers (visually hidden unless `showCaption`).
 * Below 720 px each row becomes a card and each cell shows its column name from `label`.
 */
export function Table(props: { caption: ReactNode; showCaption?: boolean; children: ReactNode; className?: string }) {
  return (
    <div className="lp-table-scroll">
      <table className={['lp-table', props.className ?? ''].filter(Boolean).join(' ')}>
        <caption className={props.showCaption ? 'lp-table__caption' : 'lp-visually-hidden'}>{props.caption}</caption>
        {props.children}
      </table>
    </div>
  );
}

export function HeaderCell({ align, className, ...rest }: Omit<ThHTMLAttributes<HTMLTableCellElement>, 'align'> & { align?: 'start' | 'end' }) {
  return <th scope="col" {...rest} className={['lp-table__th', align === 'end' ? 'lp-table__cell--end' : '', className ?? ''].filter(Boolean).join(' ')} />;
}

export function Cell({ label, align, className, ...rest }: Omit<TdHTMLAttributes<HTMLTableCellElement>, 'align'> & { label: string; align?: 'start' | 'end' }) {
  return <td data-label={label} {...rest} className={['lp-table__td', align === 'end' ? 'lp-table__cell--end' : '', className ?? ''].filter(Boolean).join(' ')} />;
}

export function Row({ selected, className, ...rest }: HTMLAttributes<HTMLTableRowElement> & { selected?: boolean }) {
  // Selection is shown, not announced here: the control inside the row says what it opens.
  return <tr {...rest} className={['lp-table__row', selected ? 'lp-table__row--selected' : '', className ?? ''].filter(Boolean).join(' ')} />;
}
