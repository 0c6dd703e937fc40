import type { InputHTMLAttributes, ReactNode } from 'react';
import './checkbox.css';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  /** A line under the label saying what ticking it means. */
  description?: ReactNode;
}

/** A native checkbox with its label (and description) as one click target. */
export function Checkbox({ label, description, className, ...rest }: CheckboxProps) {
  return (
    <label className={['lp-checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <input {...rest} type="checkbox" className="lp-checkbox__input" />
      <span className="lp-checkbox__text">
        <span className="lp-checkbox__label">{label}</span>
        {description ? <span className="lp-checkbox__description">{description}</span> : null}
      </span>
    </label>
  );
}
