/** What one counted hit found. */
export interface WindowState {
  /** False once the client has gone over its limit in this window. */
  allowed: boolean;
  limit: number;
  /** Hits left in this window (0 when over). */
  remaining: number;
  /** Milliseconds until the window ends and the count starts again (≥ 1). */
  resetInMs: number;
}

/**
 * A fixed-window counter per client key (an API key, a user, an IP address): at most `limit` hits
 * per `windowMs`. In memory, per process. Expired windows are dropped once more than `maxClients`
 * are tracked, so memory stays bounded by the clients active within one window.
 */
export function createFixedWindowCounter(options: { limit: number; windowMs: number; maxClients?: number }) {
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, { startedAt: number; count: number }>();

  function state(window: { startedAt: number; count: number }, nowMs: number): WindowState {
    return {
      allowed: window.count <= options.limit,
      limit: options.limit,
      remaining: Math.max(0, options.limit - window.count),
      resetInMs: Math.max(1, window.startedAt + options.windowMs - nowMs),
    };
  }

  return {
    /** Counts one hit of `client` at `nowMs` (ms since the epoch) and says whether it is within the limit. */
    hit(client: string, nowMs: number): WindowState {
      if (windows.size > maxClients) {
        for (const [key, window] of windows) if (nowMs - window.startedAt >= options.windowMs) windows.delete(key);
      }
      let window = windows.get(client);
      if (!window || nowMs - window.startedAt >= options.windowMs) {
        window = { startedAt: nowMs, count: 0 };
        windows.set(client, window);
      }
      window.count += 1;
      return state(window, nowMs);
    },
  };
}
