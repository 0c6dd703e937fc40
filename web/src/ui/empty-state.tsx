import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon.tsx';
import './empty-state.css';

/** What an empty list says: what is (not) here, why, and the next thing to do. */
export function EmptyState(props: { icon?: IconName; title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="lp-empty-state" role="status">
      <span className="lp-empty-state__icon">
        <Icon name={props.icon ?? 'inbox'} size={24} />
      </span>
      <h2 className="lp-empty-state__title">{props.title}</h2>
      {props.children ? <div className="lp-empty-state__text">{props.children}</div> : null}
      {props.action ? <div className="lp-empty-state__action">{props.action}</div> : null}
    </div>
  );
}
