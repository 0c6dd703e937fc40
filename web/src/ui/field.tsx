import { useId, type ReactNode } from 'react';
import { Icon } from './icon.tsx';
import './form-controls.css';

/** What a control inside a Field spreads onto itself, so label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The error to show under the control (from the API's issue at this field, or the form's own check). */
  error?: string | null;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its hint and its error right under it. */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const showHint = Boolean(hint) && !error;
  const describedBy = [showHint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={['lp-field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="lp-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true as const } : {}) })}
      {showHint ? (
        <p id={hintId} className="lp-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="lp-field__error">
          <Icon name="alert" size={14} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
