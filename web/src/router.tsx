import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { AccountPage } from './account/account-page.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { InboxPage } from './inbox/inbox-page.tsx';
import { parseInboxSearch } from './inbox/inbox-search.ts';
import { onlyFor, rootRoute, signedInRoute } from './routes/base-routes.ts';
import { landingPathFor } from './shell/navigation.ts';
import { leadRoutes } from './leads/lead-routes.ts';
import { accountRoutes } from './accounts/account-routes.ts';
import { pactRoutes } from './pact/pact-routes.ts';
import { importRoutes } from './imports/import-routes.ts';
import { adminRoutes } from './admin/admin-routes.ts';

export interface SignInSearch {
  next?: string;
  expired?: boolean;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    ...(typeof search.next === 'string' ? { next: search.next } : {}),
    ...(search.expired === true || search.expired === 'true' ? { expired: true } : {}),
  }),
  component: SignInPage,
});

const startRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: landingPathFor(context.me.user.role) });
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/inbox',
  validateSearch: parseInboxSearch,
  beforeLoad: onlyFor('/inbox'),
  component: InboxPage,
});

const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account',
  beforeLoad: onlyFor('/account'),
  component: AccountPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([startRoute, inboxRoute, accountRoute, ...leadRoutes, ...accountRoutes, ...pactRoutes, ...importRoutes, ...adminRoutes]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
