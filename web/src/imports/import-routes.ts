import { createRoute } from '@tanstack/react-router';
import { onlyFor, signedInRoute } from '../routes/base-routes.ts';
import { ImportReportPage } from './import-report-page.tsx';
import { ImportsPage } from './imports-page.tsx';
import { NewImportPage } from './new-import-page.tsx';
import { parseImportReportSearch } from './report-search.ts';

// The imports area's routes, under signedInRoute (see routes/base-routes.ts); router.tsx assembles them.
// All three are for the roles that may import (admins and marketing), like the API behind them.
const importsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports',
  beforeLoad: onlyFor('/imports'),
  component: ImportsPage,
});

const newImportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports/new',
  beforeLoad: onlyFor('/imports'),
  component: NewImportPage,
});

const importReportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports/$importId',
  validateSearch: parseImportReportSearch,
  beforeLoad: onlyFor('/imports'),
  component: ImportReportPage,
});

export const importRoutes = [importsRoute, newImportRoute, importReportRoute] as const;
