import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from '../core/access/principal.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv, AppServices } from './app-env.ts';
import { respondWithError } from './error-response.ts';
import { createFixedWindowCounter, type WindowState } from './fixed-window-counter.ts';
import { clientAddress } from './request-origin.ts';

const windowMs = 60_000;

export interface RequestRateLimits {
  /** Mount before `authenticate`: a failed authentication counts against the caller's IP address. */
  countFailedAuthentication: MiddlewareHandler<AppEnv>;
  /** Mount after `authenticate`: one hit per request, against the caller or, without one, the IP address. */
  limitRequests: MiddlewareHandler<AppEnv>;
}

/**
 * Rate limits of /api, fixed one-minute windows in this process's memory (several processes each
 * count their own): `rateLimitPerMinute` per API key and per signed-in user, and
 * `addressRateLimitPerMinute` per client IP for requests without valid credentials — sign-in,
 * health, anonymous web-form posts — and for failed authentications. Over the limit: 429
 * RATE_LIMITED with Retry-After. Every counted response carries RateLimit-Limit,
 * RateLimit-Remaining, RateLimit-Reset (seconds) and RateLimit-Policy. The web-form endpoint keeps
 * its own, stricter per-IP limit on top.
 */
export function createRequestRateLimits(services: AppServices): RequestRateLimits {
  const perCaller = createFixedWindowCounter({ limit: services.config.rateLimitPerMinute, windowMs });
  const perAddress = createFixedWindowCounter({ limit: services.config.addressRateLimitPerMinute, windowMs });
  // Requests `limitRequests` has already counted (a wrong sign-in password is a 401 that got that far).
  const counted = new WeakSet<Context<AppEnv>>();

  return {
    async countFailedAuthentication(c, next) {
      await next();
      if (c.res.status !== 401 || counted.has(c)) return;
      const state = perAddress.hit(`ip:${clientAddress(c)}`, services.now().getTime());
      // Past the limit the answer becomes "slow down": the caller learns nothing more by trying.
      if (!state.allowed) {
        setRateLimitHeaders(c, state);
        const seconds = retryAfterSeconds(state);
        c.res = respondWithError(new AppError('RATE_LIMITED', { userMessage: `too many failed authentications from this address; try again in ${seconds} s`, retryAfterSeconds: seconds }), c);
      }
    },
    async limitRequests(c, next) {
      counted.add(c);
      const principal = c.get('principal') as Principal | undefined;
      const nowMs = services.now().getTime();
      const state =
        principal?.kind === 'api_key'
          ? perCaller.hit(`key:${principal.keyId}`, nowMs)
          : principal?.kind === 'user'
            ? perCaller.hit(`user:${principal.userId}`, nowMs)
            : perAddress.hit(`ip:${clientAddress(c)}`, nowMs);
      if (!state.allowed) {
        setRateLimitHeaders(c, state);
        const who = principal?.kind === 'api_key' ? 'this API key' : principal?.kind === 'user' ? 'your account' : 'this address';
        throw new AppError('RATE_LIMITED', { userMessage: `too many requests from ${who}; try again in ${retryAfterSeconds(state)} s`, retryAfterSeconds: retryAfterSeconds(state) });
      }
      await next();
      setRateLimitHeaders(c, state);
    },
  };
}

function retryAfterSeconds(state: WindowState): number {
  return Math.max(1, Math.ceil(state.resetInMs / 1000));
}

/** On the response once there is one (the handler's or an error's), else on the one still to be made. */
function setRateLimitHeaders(c: Context<AppEnv>, state: WindowState): void {
  const headers: [string, string][] = [
    ['RateLimit-Limit', String(state.limit)],
    ['RateLimit-Remaining', String(state.remaining)],
    ['RateLimit-Reset', String(retryAfterSeconds(state))],
    ['RateLimit-Policy', `${state.limit};w=${windowMs / 1000}`],
  ];
  for (const [name, value] of headers) {
    if (c.finalized) c.res.headers.set(name, value);
    else c.header(name, value);
  }
}
