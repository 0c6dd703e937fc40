import { useId, type ReactNode } from 'react';
import { CopyButton } from './copy-button.tsx';
import { Icon } from './icon.tsx';
import './secret-reveal.css';

/**
 * A secret the server shows once (an API key, a generated password): in a read-only field that
 * selects itself, with a copy button and a warning that it will not be shown again.
 */
export function SecretReveal(props: { label: ReactNode; secret: string; warning: ReactNode }) {
  const id = useId();
  return (
    <div className="lp-secret">
      <label className="lp-secret__label" htmlFor={id}>
        {props.label}
      </label>
      <div className="lp-secret__row">
        <input
          id={id}
          className="lp-secret__value"
          readOnly
          value={props.secret}
          spellCheck={false}
          autoComplete="off"
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-warning`}
        />
        <CopyButton text={props.secret} />
      </div>
      <p id={`${id}-warning`} className="lp-secret__warning">
        <Icon name="alert" size={16} />
        <span>{props.warning}</span>
      </p>
    </div>
  );
}
