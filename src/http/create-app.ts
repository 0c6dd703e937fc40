import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv, AppServices } from './app-env.ts';
import { renderApiDocsPage } from './api-docs-page.ts';
import { authenticate } from './authenticate.ts';
import { logAccessDenials } from './log-access-denials.ts';
import { idempotency } from './idempotency.ts';
import { createRequestRateLimits } from './rate-limit.ts';
import { refuseUnstorableInput } from './refuse-unstorable-input.ts';
import { securityHeaders } from './security-headers.ts';
import { respondWithError, validationHook } from './error-response.ts';
import { sessionCookieName } from './session-cookie.ts';
import { builtWebAppDirectory, webAppFiles } from './web-app-files.ts';
import { accountRoutes } from './routes/account.routes.ts';
import { apiKeyRoutes } from './routes/api-key.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { campaignRoutes } from './routes/campaign.routes.ts';
import { captureFormRoutes } from './routes/capture-form.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { importRoutes } from './routes/import.routes.ts';
import { leadRoutes } from './routes/lead.routes.ts';
import { opportunityRoutes } from './routes/opportunity.routes.ts';
import { pactRoutes } from './routes/pact.routes.ts';
import { privacyRoutes } from './routes/privacy.routes.ts';
import { teamRoutes } from './routes/team.routes.ts';
import { touchRoutes } from './routes/touch.routes.ts';

export const apiInfo = {
  title: 'leadpact API',
  version: '0.1.0',
  description:
    'Capture, clean, dedupe, score, grade and route leads under the pact marketing and sales signed. Errors always come as `{ error: { code, message, issues: [{ path, message }], requestId } }`. Every POST accepts an `Idempotency-Key` header (1–255 printable characters): a retry with the same key and request gets the first response again (`Idempotency-Replayed: true`); the same key with another request is 422, while the first is still running 409. Requests are rate-limited per API key or user and per IP (429 with `Retry-After`).',
};

/**
 * The HTTP application: every route under /api, the OpenAPI 3.1 document at /openapi.json, a
 * readable page of it at /docs, and the web app at / (web/dist). Handlers stay thin: parse with
 * zod, call a use case, present.
 */
export function createApp(services: AppServices): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    c.set('services', services);
    await next();
    c.header('X-Request-Id', requestId);
  });
  app.use('*', securityHeaders());
  const rateLimits = createRequestRateLimits(services);
  app.use('/api/*', rateLimits.countFailedAuthentication);
  // Who is calling, before anything reads a body: see authenticate.ts for the public routes.
  app.use('/api/*', authenticate());
  // Every refusal (403, and 404s that hide a record) is logged with who, what and why.
  app.use('/api/*', logAccessDenials());
  app.use('/api/*', rateLimits.limitRequests);
  app.use('/api/*', async (c, next) => {
    const isUpload = c.req.method === 'POST' && /^\/api\/imports(\/preview)?$/.test(c.req.path);
    const maxSize = isUpload ? services.config.maxUploadBytes : services.config.maxBodyBytes;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', { userMessage: `the request body is larger than ${maxSize} bytes` });
      },
    })(c, next);
  });
  // After the body limit and before anything parses the body: with an Idempotency-Key it reads the
  // raw bytes (to hash them) and puts them back.
  app.use('/api/*', idempotency(services));
  // Input PostgreSQL cannot store (NUL, unpaired surrogates) or absurdly deep JSON: a 400, not a 500 later.
  app.use('/api/*', refuseUnstorableInput());

  app.route('/', healthRoutes());
  app.route('/', authRoutes());
  app.route('/', apiKeyRoutes());
  app.route('/', leadRoutes());
  app.route('/', captureFormRoutes());
  app.route('/', accountRoutes());
  app.route('/', opportunityRoutes());
  app.route('/', campaignRoutes());
  app.route('/', touchRoutes());
  app.route('/', teamRoutes());
  app.route('/', pactRoutes());
  app.route('/', importRoutes());
  app.route('/', auditRoutes());
  app.route('/', privacyRoutes());

  // Every operation needs a key or the session cookie unless it says `security: []` (see authenticate.ts).
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer lp_…`' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: sessionCookieName, description: 'The session cookie set by POST /api/auth/sign-in; writes also need the X-CSRF-Token header' });
  const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
  const documentConfig = { openapi: '3.1.0', info: apiInfo, security };
  app.doc31('/openapi.json', documentConfig);
  app.get('/docs', (c) => c.html(renderApiDocsPage(app.getOpenAPI31Document(documentConfig))));
  // Last: the web app answers every other page path with its index.html (client-side routes).
  app.route('/', webAppFiles({ directory: builtWebAppDirectory }));

  app.notFound((c) => respondWithError(new AppError('NOT_FOUND', { userMessage: `no route ${c.req.method} ${c.req.path}` }), c));
  app.onError((error, c) => respondWithError(error, c));
  return app;
}
