import { AppError } from '../errors/app-error.ts';

/**
 * Fixed-window counter per client key (an IP): at most `limit` hits per `windowMs`. In memory,
 * per process — enough to stop a form being flooded; a shared limiter comes with multi-process
 * deployments. Old windows are dropped as they expire, so memory stays bounded by active clients.
 */
export function createRateLimiter(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    /** Counts a hit; throws RATE_LIMITED with the seconds to wait when the client is over its limit. */
    hit(key: string, nowMs: number): void {
      if (windows.size > 10_000) {
        for (const [client, window] of windows) if (nowMs - window.startedAt >= options.windowMs) windows.delete(client);
      }
      const window = windows.get(key);
      if (!window || nowMs - window.startedAt >= options.windowMs) {
        windows.set(key, { startedAt: nowMs, count: 1 });
        return;
      }
      window.count += 1;
      if (window.count > options.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + options.windowMs - nowMs) / 1000));
        throw new AppError('RATE_LIMITED', { userMessage: `too many submissions from this address; try again in ${retryAfterSeconds} s`, retryAfterSeconds });
      }
    },
  };
}
