import { createRoute } from '@tanstack/react-router';
import { onlyFor, signedInRoute } from '../routes/base-routes.ts';
import { AdminLayout } from './admin-layout.tsx';
import { AdminOverviewPage } from './admin-overview-page.tsx';
import { ApiKeysPage } from './api-keys-page.tsx';
import { AuditPage } from './audit-page.tsx';
import { parseAuditSearch } from './audit-search.ts';
import { TeamsPage } from './teams-page.tsx';
import { parseUsersSearch } from './user-list.ts';
import { UsersPage } from './users-page.tsx';

// The admin area's routes, under signedInRoute (see routes/base-routes.ts); router.tsx assembles them.
// `/admin` is the hub (the section bar, and an overview at the index); each section is a page under it.
// Only admins may open any of it: the guard sits on the parent, so every section inherits it.
const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin',
  beforeLoad: onlyFor('/admin'),
  component: AdminLayout,
});

const overviewRoute = createRoute({ getParentRoute: () => adminRoute, path: '/', component: AdminOverviewPage });
const usersRoute = createRoute({ getParentRoute: () => adminRoute, path: 'users', validateSearch: parseUsersSearch, component: UsersPage });
const teamsRoute = createRoute({ getParentRoute: () => adminRoute, path: 'teams', component: TeamsPage });
const apiKeysRoute = createRoute({ getParentRoute: () => adminRoute, path: 'api-keys', component: ApiKeysPage });
const auditRoute = createRoute({ getParentRoute: () => adminRoute, path: 'audit', validateSearch: parseAuditSearch, component: AuditPage });

export const adminRoutes = [adminRoute.addChildren([overviewRoute, usersRoute, teamsRoute, apiKeysRoute, auditRoute])] as const;
