import { useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from 'react';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';
import './dialog.css';

export interface DialogProps {
  title: ReactNode;
  description?: ReactNode;
  /** `center`: a question or a short form. `side`: a panel from the right edge (the whole width on a phone). */
  placement?: 'center' | 'side';
  /** A centred dialog's width: `md` (a short form, a question) or `lg` (a form with many choices). */
  size?: 'md' | 'lg';
  /** Escape, the close button: the owner unmounts the dialog. */
  onClose(): void;
  children: ReactNode;
  /** The actions, kept in view under a body that scrolls. */
  footer?: ReactNode;
}

const focusable = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it, makes the page behind
 * inert and closes it with Escape. Open while mounted. Focus goes to the element marked
 * `data-autofocus`, else the first control of the body, else of the footer (so a confirmation
 * starts on its first, safer action); on close it returns to where it was.
 */
export function Dialog({ title, description, placement = 'center', size = 'md', onClose, children, footer }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const footerRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    const first =
      element.querySelector<HTMLElement>('[data-autofocus]') ?? body.current?.querySelector<HTMLElement>(focusable) ?? footerRef.current?.querySelector<HTMLElement>(focusable) ?? null;
    first?.focus();
    return () => {
      if (element.open) element.close();
      // The opener may be gone (a revoked key's button): then the page's main region takes focus.
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, []);

  // Escape asks the dialog to cancel: the owner decides (and unmounts it), so state and DOM agree.
  const cancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={`lp-dialog lp-dialog--${placement} lp-dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={cancel}
    >
      <div className="lp-dialog__frame">
        <header className="lp-dialog__header">
          <div className="lp-dialog__heading">
            <h2 id={titleId} className="lp-dialog__title">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="lp-dialog__description">
                {description}
              </p>
            ) : null}
          </div>
          <Button variant="ghost" size="sm" className="lp-dialog__close" onClick={onClose} aria-label="Close" icon={<Icon name="close" size={16} />} />
        </header>
        <div ref={body} className="lp-dialog__body">
          {children}
        </div>
        {footer ? (
          <footer ref={footerRef} className="lp-dialog__footer">
            {footer}
          </footer>
        ) : null}
      </div>
    </dialog>
  );
}
