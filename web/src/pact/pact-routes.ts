import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { onlyFor, signedInRoute } from '../routes/base-routes.ts';
import { PactPage } from './pact-page.tsx';
import { mayProposePact } from './pact-permissions.ts';
import { PactVersionPage } from './pact-version-page.tsx';

// The pact area's routes, under signedInRoute (see routes/base-routes.ts); router.tsx assembles them.

export interface PactDraftSearch {
  /** Start from this version instead of the one in force. */
  from?: number;
}

export interface PactVersionSearch {
  /** The rescoring run started by activating the version, followed on its page. */
  run?: string;
}

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** Everyone reads the pact in force, its versions and history. */
const pactRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/pact',
  beforeLoad: onlyFor('/pact'),
  component: PactPage,
});

/** Admins and marketing write drafts; anyone else is sent back to the readable pact. */
const pactDraftRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/pact/draft',
  validateSearch: (search: Record<string, unknown>): PactDraftSearch => {
    const from = positiveInteger(search.from);
    return from === undefined ? {} : { from };
  },
  beforeLoad: (options) => {
    onlyFor('/pact')(options);
    if (!mayProposePact(options.context.me.user.role)) throw redirect({ to: '/pact' });
  },
  // The editor (and its YAML library) loads only when someone opens it.
  component: lazyRouteComponent(() => import('./pact-draft-page.tsx'), 'PactDraftPage'),
});

const pactVersionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/pact/versions/$version',
  validateSearch: (search: Record<string, unknown>): PactVersionSearch => (typeof search.run === 'string' && search.run !== '' ? { run: search.run } : {}),
  beforeLoad: onlyFor('/pact'),
  component: PactVersionPage,
});

export const pactRoutes = [pactRoute, pactDraftRoute, pactVersionRoute] as const;
