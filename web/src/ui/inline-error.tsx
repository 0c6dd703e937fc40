import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error.ts';
import { Icon } from './icon.tsx';
import './inline-error.css';

/**
 * An error shown where it happened (above a form, in place of a list), never a blank page: what
 * went wrong in words, a way to try again, and the request id to quote when reporting it.
 */
export function InlineError(props: { error: unknown; title?: ReactNode; action?: ReactNode }) {
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  const requestId = isApiError(props.error) ? props.error.requestId : null;
  return (
    <div className="lp-inline-error" role="alert">
      <Icon name="alert" size={18} className="lp-inline-error__icon" />
      <div className="lp-inline-error__text">
        {props.title ? <p className="lp-inline-error__title">{props.title}</p> : null}
        <p>{message}</p>
        {requestId ? <p className="lp-inline-error__request">Request id: <code>{requestId}</code></p> : null}
      </div>
      {props.action ? <div className="lp-inline-error__action">{props.action}</div> : null}
    </div>
  );
}
