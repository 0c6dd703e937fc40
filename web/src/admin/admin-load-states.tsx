import { Button } from '../ui/button.tsx';
import { InlineError } from '../ui/inline-error.tsx';

/** A list that could not be loaded: what failed, the API's reason, and a way to try again. */
export function AdminLoadFailed(props: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="lp-admin-message">
      <InlineError
        title={props.title}
        error={props.error}
        action={
          <Button size="sm" onClick={props.onRetry}>
            Try again
          </Button>
        }
      />
    </div>
  );
}

/** Grey rows where a list will be, announced to screen readers as `label`. */
export function AdminLoading(props: { label: string; rows: number }) {
  return (
    <div className="lp-admin-loading" role="status">
      <span className="lp-visually-hidden">{props.label}</span>
      {Array.from({ length: props.rows }, (_, index) => (
        <div key={index} className="lp-admin-skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}
