import { createRoute } from '@tanstack/react-router';
import { onlyFor, signedInRoute } from '../routes/base-routes.ts';
import { AccountDetailPage } from './account-detail-page.tsx';
import { AccountsListPage } from './accounts-list-page.tsx';
import { parseAccountsListSearch } from './accounts-list-search.ts';

// The accounts area's routes, under signedInRoute (see routes/base-routes.ts); router.tsx assembles them.
// The list (managers, marketing, admins): filters, order and page in the URL.
const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/accounts',
  validateSearch: parseAccountsListSearch,
  beforeLoad: onlyFor('/accounts'),
  component: AccountsListPage,
});

export interface AccountPageSearch {
  /** The accounts list the page was opened from (path and filters), for the back link; see account-detail.ts. */
  from?: string;
}

// One account, for the same roles as the list; the API answers 404 for an account the viewer may not see.
const accountPageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/accounts/$accountId',
  validateSearch: (search: Record<string, unknown>): AccountPageSearch => (typeof search.from === 'string' ? { from: search.from } : {}),
  beforeLoad: onlyFor('/accounts'),
  component: AccountDetailPage,
});

export const accountRoutes = [accountRoute, accountPageRoute] as const;
