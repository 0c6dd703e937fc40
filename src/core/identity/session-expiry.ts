/** How long a browser session lives: idle timeout (sliding) and absolute lifetime, in milliseconds. */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

/** Last-use times closer together than this are not written again (one write per minute per session at most). */
export const lastSeenResolutionMs = 60_000;

/**
 * When a session last used at `lastSeenAt` expires: after the idle timeout, but never beyond its
 * absolute lifetime from `createdAt`, however active it is.
 */
export function slidingExpiry(createdAt: Date, lastSeenAt: Date, lifetime: SessionLifetime): Date {
  return new Date(Math.min(lastSeenAt.getTime() + lifetime.idleMs, createdAt.getTime() + lifetime.absoluteMs));
}

/** Whether a use at `now` is worth recording (the last recorded use is at least a minute old). */
export function isLastUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= lastSeenResolutionMs;
}
