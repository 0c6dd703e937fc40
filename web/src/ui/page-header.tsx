import type { ReactNode } from 'react';
import './page-header.css';

/** The top of every screen: its one h1, a line saying what it is for, and its main actions. */
export function PageHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="lp-page-header">
      <div className="lp-page-header__text">
        <h1 className="lp-page-header__title">{props.title}</h1>
        {props.description ? <p className="lp-page-header__description">{props.description}</p> : null}
      </div>
      {props.actions ? <div className="lp-page-header__actions">{props.actions}</div> : null}
    </header>
  );
}
