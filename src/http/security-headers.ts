import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { isSecureRequest } from './request-origin.ts';

/**
 * The Content-Security-Policy of everything leadpact serves: a single-page app and the API
 * reference from this origin only. Scripts only from files of this origin (no inline script, no
 * eval); styles may be inline (the reference page has a <style> block, and a web app's components
 * set styles at run time); no plugins, no framing, forms post only here.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** HSTS tells browsers to use https for a year; sent only on a request that came over TLS. */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response, errors and the docs page included: CSP above,
 * X-Content-Type-Options nosniff, Referrer-Policy no-referrer, X-Frame-Options DENY (and CSP
 * frame-ancestors 'none'), a Permissions-Policy that turns off powerful browser features,
 * Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy same-origin, and
 * Strict-Transport-Security only when the request came over TLS (directly or through a trusted
 * proxy that says so): over plain http it would be ignored, and sent by mistake it locks a host to https.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const standard = secureHeaders({
    contentSecurityPolicy,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      bluetooth: [],
      serial: [],
      hid: [],
      midi: [],
      magnetometer: [],
      gyroscope: [],
      accelerometer: [],
      displayCapture: [],
      browsingTopics: [],
    },
  });
  return async (c, next) => {
    await standard(c, next);
    if (isSecureRequest(c)) c.res.headers.set('Strict-Transport-Security', strictTransportSecurity);
  };
}
