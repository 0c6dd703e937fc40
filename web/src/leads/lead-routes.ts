import { createRoute, redirect } from '@tanstack/react-router';
import { onlyFor, signedInRoute } from '../routes/base-routes.ts';
import { landingPathFor, mayOpenLead } from '../shell/navigation.ts';
import { LeadPage } from './lead-page.tsx';
import { LeadsListPage } from './leads-list-page.tsx';
import { parseLeadsListSearch } from './leads-list-search.ts';

// The leads area's routes, under signedInRoute (see routes/base-routes.ts); router.tsx assembles them.
// The leads list (managers, marketing, admins): filters, order and page in the URL.
const leadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/leads',
  validateSearch: parseLeadsListSearch,
  beforeLoad: onlyFor('/leads'),
  component: LeadsListPage,
});

export interface LeadPageSearch {
  /** The list the page was opened from (path and filters), for the back link and Escape; see lead-back-path.ts. */
  from?: string;
}

// One lead's page: for every role that works leads, reps included (who have no leads list); the API
// answers 404 for a lead that is not theirs, and the page says so.
const leadPageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/leads/$leadId',
  validateSearch: (search: Record<string, unknown>): LeadPageSearch => (typeof search.from === 'string' ? { from: search.from } : {}),
  beforeLoad: ({ context }) => {
    if (!mayOpenLead(context.me.user.role)) throw redirect({ to: landingPathFor(context.me.user.role) });
  },
  component: LeadPage,
});

export const leadRoutes = [leadRoute, leadPageRoute] as const;
