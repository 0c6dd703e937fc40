import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Shows a spinner, keeps the width and disables the button (a form being sent). */
  busy?: boolean;
  icon?: ReactNode;
}

/** The one button. `type` defaults to "button" so a button never submits a form by accident. */
export function Button({ variant = 'secondary', size = 'md', busy = false, icon, className, children, disabled, type, ...rest }: ButtonProps) {
  const classes = ['lp-button', `lp-button--${variant}`, `lp-button--${size}`, busy ? 'lp-button--busy' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type ?? 'button'} className={classes} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <span className="lp-button__spinner" aria-hidden="true" /> : icon}
      {children !== undefined && children !== null ? <span>{children}</span> : null}
    </button>
  );
}
