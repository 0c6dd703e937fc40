import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { isApiError } from '../api/api-error.ts';
import { meQuery } from '../auth/session-query.ts';
import { AppShell } from '../shell/app-shell.tsx';
import { landingPathFor, mayVisit, type AppPath } from '../shell/navigation.ts';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { RouteError } from '../shell/route-error.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

/**
 * Every page behind sign-in hangs under this route: it loads who is signed in first; without a
 * session, off to sign-in and back. Each area of the app (inbox, leads, pact, imports, admin)
 * defines its routes in its own `*-routes.ts` with this as parent; router.tsx assembles them.
 */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    try {
      return { me: await context.queryClient.ensureQueryData(meQuery) };
    } catch (error) {
      if (isApiError(error) && error.status === 401) throw redirect({ to: '/sign-in', search: { next: location.href } });
      throw error;
    }
  },
  component: AppShell,
  errorComponent: RouteError,
});

/** A route guard that sends a role away from a page that is not for it, to its own start page. */
export function onlyFor(path: AppPath) {
  return ({ context }: { context: { me: { user: { role: Parameters<typeof mayVisit>[0] } } } }) => {
    if (!mayVisit(context.me.user.role, path)) throw redirect({ to: landingPathFor(context.me.user.role) });
  };
}
