import type { Ref, SelectHTMLAttributes } from 'react';
import { Icon } from './icon.tsx';
import './form-controls.css';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  options: readonly SelectOption[];
  ref?: Ref<HTMLSelectElement>;
}

/** A native select (keyboard and screen readers for free), styled like the inputs. */
export function Select({ options, className, ...rest }: SelectProps) {
  return (
    <span className="lp-select-wrap">
      <select {...rest} className={['lp-select', className ?? ''].filter(Boolean).join(' ')}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Icon name="chevronDown" size={16} />
    </span>
  );
}
