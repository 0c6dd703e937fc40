import type { HTMLAttributes, ReactNode } from 'react';
import './card.css';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  actions?: ReactNode;
  /** Drop the inner padding (a table that runs to the card's edges). */
  flush?: boolean;
}

/** A surface grouping one thing, with an optional heading row. */
export function Card({ title, actions, flush = false, className, children, ...rest }: CardProps) {
  return (
    <section {...rest} className={['lp-card', flush ? 'lp-card--flush' : '', className ?? ''].filter(Boolean).join(' ')}>
      {title || actions ? (
        <header className="lp-card__header">
          {title ? <h2 className="lp-card__title">{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      <div className="lp-card__body">{children}</div>
    </section>
  );
}
