import { Link } from '@tanstack/react-router';
import { EmptyState } from '../ui/empty-state.tsx';

/** A path the app does not have (an old bookmark, a typo): say so and offer the way back. */
export function NotFoundPage() {
  return (
    <main className="lp-not-found">
      <EmptyState icon="search" title="There is no such page" action={<Link to="/">Go to your start page</Link>}>
        The address may be mistyped, or the page may have moved.
      </EmptyState>
    </main>
  );
}
