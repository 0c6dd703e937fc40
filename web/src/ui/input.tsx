import type { InputHTMLAttributes, Ref } from 'react';
import { Icon, type IconName } from './icon.tsx';
import './form-controls.css';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** A leading icon (e.g. search), decorative. */
  icon?: IconName;
  ref?: Ref<HTMLInputElement>;
}

export function Input({ icon, className, ...rest }: InputProps) {
  const input = <input {...rest} className={['lp-input', className ?? ''].filter(Boolean).join(' ')} />;
  if (!icon) return input;
  return (
    <span className="lp-input-with-icon">
      <Icon name={icon} size={16} />
      {input}
    </span>
  );
}
