import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from './icon.tsx';
import { multiSelectSummary } from './multi-select-summary.ts';
import type { SelectOption } from './select.tsx';
import './form-controls.css';
import './multi-select.css';

export interface MultiSelectProps {
  label: string;
  options: readonly SelectOption[];
  /** The values ticked, in any order (shown in the options' order). */
  value: readonly string[];
  onChange(values: string[]): void;
  /** What the button says with nothing ticked, e.g. "All stages". */
  placeholder: string;
  /** What more than two ticked values are called: "stages" → "3 stages". */
  plural: string;
  className?: string;
}

/**
 * Pick any number of options: a button that opens a list of checkboxes under it. Native checkboxes
 * (Tab and Space work as everywhere); Escape or a click outside closes it, focus back on the button.
 */
export function MultiSelect(props: MultiSelectProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const summary = multiSelectSummary(props.options, props.value, props.placeholder, props.plural);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Escape is this control's while it is open (a page's own Escape, e.g. "back", must not fire).
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  const toggle = (value: string, ticked: boolean) => {
    const values = ticked ? [...props.value, value] : props.value.filter((existing) => existing !== value);
    props.onChange(props.options.map((option) => option.value).filter((option) => values.includes(option)));
  };

  return (
    <div
      ref={container}
      className={['lp-field', 'lp-multi-select', props.className ?? ''].filter(Boolean).join(' ')}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <span id={`${id}-label`} className="lp-field__label">
        {props.label}
      </span>
      <button
        ref={button}
        type="button"
        className={['lp-select', 'lp-multi-select__button', props.value.length > 0 ? 'lp-multi-select__button--set' : ''].filter(Boolean).join(' ')}
        aria-labelledby={`${id}-label ${id}-summary`}
        aria-expanded={open}
        aria-controls={`${id}-options`}
        onClick={() => setOpen((current) => !current)}
      >
        <span id={`${id}-summary`} className="lp-multi-select__summary">
          {summary}
        </span>
        <Icon name="chevronDown" size={16} />
      </button>
      <div id={`${id}-options`} className="lp-multi-select__panel" role="group" aria-labelledby={`${id}-label`} hidden={!open}>
        {props.options.map((option) => (
          <label key={option.value} className="lp-multi-select__option">
            <input type="checkbox" checked={props.value.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            {option.label}
          </label>
        ))}
        {props.value.length > 0 ? (
          <button
            type="button"
            className="lp-multi-select__clear"
            onClick={() => {
              props.onChange([]);
              // The Clear button goes away with the ticks: close, keeping the focus on the control.
              setOpen(false);
              button.current?.focus();
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
    </div>
  );
}
