import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { leadInputSchema, type LeadInput } from '../../core/lead/lead-input.ts';
import { touchTypeSchema } from '../../core/pact/pact-schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { fieldIssuesFromZod } from '../../errors/zod-issues.ts';
import type { AppEnv } from '../app-env.ts';
import { createRateLimiter } from '../capture-rate-limiter.ts';
import { errorResponseSchema } from '../error-response.ts';
import { firstUnstorableIssue } from '../refuse-unstorable-input.ts';
import { requestActor } from '../request-actor.ts';
import { clientAddress } from '../request-origin.ts';
import { requireScope } from '../require-scope.ts';
import { captureOutcomeSchema } from '../schemas/lead.schemas.ts';

/** The hidden field a web form must leave empty; bots fill every field they see. */
export const honeypotField = '_honeypot';
/** Where a browser form wants to go after posting (same-origin path or absolute URL). */
const redirectField = '_redirect';

/** Form field names people actually use, mapped to the lead input. Anything else is kept as an attribute. */
const fieldAliases: Record<string, keyof LeadInput> = {
  email: 'email', email_address: 'email', e_mail: 'email',
  first_name: 'firstName', firstname: 'firstName', given_name: 'firstName',
  last_name: 'lastName', lastname: 'lastName', surname: 'lastName', family_name: 'lastName',
  title: 'title', job_title: 'title', jobtitle: 'title', seniority: 'seniority',
  phone: 'phone', phone_number: 'phone', mobile: 'phone', telephone: 'phone',
  company: 'company', company_name: 'company', organization: 'company', organisation: 'company',
  website: 'website', company_website: 'website', url: 'website',
  industry: 'industry', employees: 'employees', company_size: 'employees', number_of_employees: 'employees',
  country: 'country', state: 'state', region: 'state', city: 'city',
  source: 'source', utm_source: 'source', campaign: 'campaign', utm_campaign: 'campaign',
};

function canonicalName(name: string): string {
  return name.trim().replace(/([a-z])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase();
}

/** Turns a flat form (all strings) into lead input; unknown fields become attributes, never dropped. */
export function leadInputFromForm(fields: Record<string, string>): { input: Record<string, unknown>; touchType: string | undefined } {
  const input: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  let touchType: string | undefined;
  for (const [rawName, value] of Object.entries(fields)) {
    if (rawName === honeypotField || rawName === redirectField) continue;
    const name = canonicalName(rawName);
    if (name === 'touch_type' || name === 'form_type') {
      touchType = value;
      continue;
    }
    const target = fieldAliases[name];
    if (!target) {
      if (value !== '') attributes[rawName.slice(0, 200)] = value;
    } else if (value.trim() !== '') {
      input[target] = target === 'employees' ? (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value) : value;
    }
  }
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  return { input, touchType };
}

async function readFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = await c.req.json<unknown>();
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw AppError.validation([{ path: '(body)', message: 'expected a JSON object of form fields' }]);
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)]));
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await c.req.parseBody();
    return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : Array.isArray(value) ? value.map(String).join(', ') : '']));
  }
  throw new AppError('VALIDATION_FAILED', { userMessage: 'send the form as application/x-www-form-urlencoded, multipart/form-data or JSON', issues: [{ path: '(content-type)', message: `unsupported: ${type || 'none'}` }] });
}

function safeRedirect(target: string | undefined, c: Context<AppEnv>): string | null {
  if (!target) return null;
  if (target.startsWith('/') && !target.startsWith('//')) return target;
  try {
    const url = new URL(target);
    const referer = c.req.header('referer');
    // Only back to the site the form was on: an open redirect would let anyone bounce visitors anywhere.
    if ((url.protocol === 'https:' || url.protocol === 'http:') && referer && new URL(referer).origin === url.origin) return url.toString();
  } catch {
    return null;
  }
  return null;
}

export function captureFormRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  let limiter: ReturnType<typeof createRateLimiter> | null = null;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/capture',
      security: [{}, { apiKey: [] }],
      tags: ['Capture'],
      summary: 'Web-form capture endpoint (form-encoded or JSON); anonymous posts are rate-limited per IP',
      description: `Point an HTML form's action here. Known field names (email, first_name, company, phone, country, utm_source…) are mapped; every other field is kept as an attribute. Leave the hidden field \`${honeypotField}\` empty: a filled honeypot is stored as junk (reason bot_honeypot) and never touches an existing lead. \`${redirectField}\` sends a browser back to your thank-you page (303). No sign-in needed (a session cookie is ignored here); a server may send an API key with the \`capture\` scope instead, which is not held to the per-IP limit.`,
      request: {
        body: {
          content: {
            'application/x-www-form-urlencoded': { schema: z.record(z.string(), z.string()) },
            'application/json': { schema: z.record(z.string(), z.unknown()) },
          },
          required: true,
        },
      },
      responses: {
        201: { description: 'Captured', content: { 'application/json': { schema: captureOutcomeSchema } } },
        200: { description: 'Merged into an existing lead', content: { 'application/json': { schema: captureOutcomeSchema } } },
        303: { description: 'Captured; redirecting to _redirect' },
        400: { description: 'Invalid field', content: { 'application/json': { schema: errorResponseSchema } } },
        429: { description: 'Too many submissions from this IP (Retry-After says when to retry)', content: { 'application/json': { schema: errorResponseSchema } } },
      },
    }),
    async (c): Promise<any> => {
      const services = c.get('services');
      const principal = requireScope(c, 'capture');
      if (principal.kind === 'form') {
        limiter ??= createRateLimiter({ limit: services.config.captureRateLimitPerMinute, windowMs: 60_000 });
        limiter.hit(clientAddress(c), services.now().getTime());
      }
      const fields = await readFields(c);
      // JSON and URL-encoded forms were checked at the edge; a multipart form is read only here.
      const unstorable = firstUnstorableIssue(fields, '');
      if (unstorable) throw AppError.validation([unstorable]);
      const { input, touchType } = leadInputFromForm(fields);
      if (touchType !== undefined) {
        const parsedType = touchTypeSchema.safeParse(touchType);
        if (!parsedType.success) throw AppError.validation([{ path: 'touch_type', message: `unknown touch type "${touchType}"; expected one of ${touchTypeSchema.options.join(', ')}` }]);
        input.touch = { type: parsedType.data };
      }
      const parsed = leadInputSchema.safeParse(input);
      if (!parsed.success) throw AppError.validation(fieldIssuesFromZod(parsed.error));
      const bot = (fields[honeypotField] ?? '').trim() !== '';
      const result = await services.captureBatcher.capture(
        { input: parsed.data, ...(bot ? { forcedJunk: { code: 'bot_honeypot', reason: 'the hidden honeypot field of the web form was filled in' } } : {}) },
        requestActor(c, 'web form'),
        'form_fill',
      );
      if (result.outcome === 'rejected') throw AppError.validation(result.issues);
      const redirect = safeRedirect(fields[redirectField], c);
      if (redirect) return c.redirect(redirect, 303);
      return c.json(result, result.outcome === 'merged' ? 200 : 201);
    },
  );
  return app;
}
