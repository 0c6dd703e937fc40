import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { Icon } from './icon.tsx';
import './file-drop.css';

export interface FileDropProps {
  /** Names the file input (its label). */
  label: ReactNode;
  /** The line under the label inside the zone, e.g. "Drop a CSV file here, or choose one". */
  prompt: ReactNode;
  hint?: ReactNode;
  /** Shown under the zone and announced with the input (an upload the API refused, a wrong file type). */
  error?: string | null;
  /** The input's accept list, e.g. ".csv,text/csv". */
  accept?: string;
  /** Shown inside the zone while the chosen file is being sent; the zone takes no new file meanwhile. */
  busy?: ReactNode;
  onFile: (file: File) => void;
}

/**
 * A file field that also takes a file dropped on it. The real <input type="file"> stays in the tab
 * order (visually hidden): Tab reaches it, Enter or Space opens the picker, and its focus ring is
 * drawn on the zone. One file at a time.
 */
export function FileDrop({ label, prompt, hint, error, accept, busy, onFile }: FileDropProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && !error ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const isBusy = busy !== undefined && busy !== null && busy !== false;

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (isBusy || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !isBusy) onFile(file);
  };

  return (
    <div className="lp-file-drop">
      <div
        className={['lp-file-drop__area', dragging ? 'lp-file-drop__area--dragging' : '', error ? 'lp-file-drop__area--invalid' : ''].filter(Boolean).join(' ')}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          id={id}
          type="file"
          className="lp-file-drop__input"
          accept={accept}
          disabled={isBusy}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) is a change too.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
        <label htmlFor={id} className="lp-file-drop__zone" aria-busy={isBusy || undefined}>
          {isBusy ? <span className="lp-file-drop__spinner" aria-hidden="true" /> : <Icon name="upload" size={24} className="lp-file-drop__icon" />}
          <span className="lp-file-drop__label">{label}</span>
          <span className="lp-file-drop__prompt">{isBusy ? busy : prompt}</span>
        </label>
      </div>
      {hint && !error ? (
        <p id={hintId} className="lp-file-drop__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="lp-file-drop__error" role="alert">
          <Icon name="alert" size={14} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
