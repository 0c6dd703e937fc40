/**
 * The path to return to after signing in, when `next` is one of this app's own pages: it must be a
 * path on this origin ("/inbox?grade=A"), never another site ("//evil.example", "https://…",
 * "/\\evil.example") and never the sign-in page itself. Anything else gives null.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(next)) return null;
  const pathname = next.split(/[?#]/, 1)[0] ?? '';
  if (pathname === '/sign-in' || pathname.startsWith('/sign-in/')) return null;
  return next;
}
