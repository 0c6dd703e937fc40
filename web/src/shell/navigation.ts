import type { Role } from '../auth/session-query.ts';

/** The signed-in pages that exist. A screen joins the navigation only when it exists: no dead links. */
export type AppPath = '/inbox' | '/leads' | '/accounts' | '/pact' | '/imports' | '/admin' | '/account';

export interface NavItem {
  to: AppPath;
  label: string;
  icon: 'inbox' | 'user' | 'leads' | 'building' | 'pact' | 'upload' | 'settings';
  roles: readonly Role[];
}

/**
 * The main navigation, in order, with who sees each entry. Managers (Leads, Accounts, Team),
 * marketing (Leads, Accounts, Imports, Pact), admins (all of it and Admin) and executives get their
 * entries here as their screens land.
 */
export const mainNavItems: readonly NavItem[] = [
  { to: '/inbox', label: 'Inbox', icon: 'inbox', roles: ['sales_rep', 'admin'] },
  { to: '/leads', label: 'Leads', icon: 'leads', roles: ['admin', 'marketing', 'sales_manager'] },
  { to: '/accounts', label: 'Accounts', icon: 'building', roles: ['admin', 'marketing', 'sales_manager'] },
  { to: '/pact', label: 'Pact', icon: 'pact', roles: ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] },
  { to: '/imports', label: 'Imports', icon: 'upload', roles: ['admin', 'marketing'] },
  { to: '/admin', label: 'Admin', icon: 'settings', roles: ['admin'] },
];

/** Everyone's own page (who they are, password); it sits apart, under the main navigation. */
export const accountNavItem: NavItem = { to: '/account', label: 'Your account', icon: 'user', roles: ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] };

export function mainNavItemsFor(role: Role): NavItem[] {
  return mainNavItems.filter((item) => item.roles.includes(role));
}

/** Whether `role` may open `path` (the pages are hidden from the others, and the API refuses them too). */
export function mayVisit(role: Role, path: AppPath): boolean {
  return [...mainNavItems, accountNavItem].some((item) => item.to === path && item.roles.includes(role));
}

/**
 * Whether `role` may open a lead's own page (/leads/$leadId). Not a navigation entry, so it is not
 * in mayVisit: reps reach their leads from the inbox, the others from the leads list. Which leads
 * each role may open is the API's to say (404 for a lead that is not theirs).
 */
export function mayOpenLead(role: Role): boolean {
  return role === 'sales_rep' || role === 'sales_manager' || role === 'marketing' || role === 'admin';
}

/** Where a user lands after signing in: their first screen, else their account page. */
export function landingPathFor(role: Role): AppPath {
  return mainNavItemsFor(role)[0]?.to ?? accountNavItem.to;
}
