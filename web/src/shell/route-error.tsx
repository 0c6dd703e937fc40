import type { ErrorComponentProps } from '@tanstack/react-router';
import { Button } from '../ui/button.tsx';
import { InlineError } from '../ui/inline-error.tsx';

/** What a page shows when loading it failed: the error in words and a retry, never a blank page. */
export function RouteError(props: ErrorComponentProps) {
  return (
    <div className="lp-route-error">
      <InlineError
        title="This page could not be shown."
        error={props.error}
        action={
          <Button size="sm" onClick={() => props.reset()}>
            Try again
          </Button>
        }
      />
    </div>
  );
}
