import { safeNextPath } from '../auth/safe-next-path.ts';

/** The lists a lead page can be opened from, and what going back to each is called. */
const lists: readonly { path: string; label: string }[] = [
  { path: '/inbox', label: 'Back to the inbox' },
  { path: '/leads', label: 'Back to leads' },
  { path: '/accounts', label: 'Back to accounts' },
];

export interface BackLink {
  /** A path of this app ("/inbox?view=all"), with the list's filters as they were. */
  href: string;
  label: string;
}

/**
 * Where the lead page's back link and Escape go: the list it was opened from (`from`, as the list
 * put it in the URL, filters included) when that is one of this app's lists, else `fallback` (the
 * user's start page). Anything else in `from` — another site, another page — is ignored.
 */
export function backLinkOf(from: unknown, fallback: string): BackLink {
  const path = safeNextPath(from);
  const pathname = path?.split(/[?#]/, 1)[0] ?? '';
  const list = lists.find((candidate) => pathname === candidate.path);
  if (path && list) return { href: path, label: list.label };
  // An account's page (/accounts/<id>) lists its newest leads: back to that account.
  if (path && /^\/accounts\/[0-9a-f-]{36}$/i.test(pathname)) return { href: path, label: 'Back to the account' };
  const home = lists.find((candidate) => candidate.path === fallback);
  return { href: fallback, label: home?.label ?? 'Back' };
}
