import { createTestApp, testOrigin, type TestApp } from '../../../test/support/test-app.ts';
import type { DatabaseKind } from '../../../test/support/test-database.ts';
import { sessionCookieName } from '../session-cookie.ts';
import type { FuzzPrincipal } from './fuzz-request.ts';
import { fuzzSuggestions, type KnownRecords } from './fuzz-vocabulary.ts';
import type { ValueSuggestions } from './json-schema-arbitrary.ts';
import { operationsOf, type ApiOperation, type OpenApiDocument } from './openapi-operations.ts';
import { createOpenApiValidator, type OpenApiValidator } from './openapi-validator.ts';
import { seedFuzzRecords } from './seed-fuzz-records.ts';

/** An app on a fresh database with real records in it, the principals that call it, and its document. */
export interface FuzzWorld {
  testApp: TestApp;
  document: OpenApiDocument;
  operations: ApiOperation[];
  validator: OpenApiValidator;
  suggestions: ValueSuggestions;
  known: KnownRecords;
  /** Seeding requests that did not answer as expected (each a bug somewhere; the pools are smaller for it). */
  fixtureProblems: string[];
  credentials: Record<FuzzPrincipal, Record<string, string>>;
  maxBodyBytes: number;
  /**
   * Gives the callers back what fuzzing may have taken from them: a new session when the marketing
   * user's was ended (sign-out, password change), a new key when the rep's was revoked. Throws when
   * the admin's key stopped working (nothing meaningful can follow).
   */
  restoreCallers(): Promise<void>;
  destroy(): Promise<void>;
}

/** Limits raised so the fuzzer measures the API, not the limiters (which have their own tests). */
const fuzzEnv = {
  LEADPACT_CAPTURE_RATE_LIMIT: '100000000',
  LEADPACT_RATE_LIMIT_PER_MINUTE: '100000000',
  LEADPACT_IP_RATE_LIMIT_PER_MINUTE: '100000000',
};

/**
 * A test app (limits raised) seeded through its own API (see seedFuzzRecords), its live OpenAPI
 * document and a validator for it, and the callers: the admin's
 * key, a sales rep's key, a marketing user's browser session (and a cross-site copy of its cookie),
 * nobody, and a forged key. The callers' own users and keys are kept out of the id pools, so
 * fuzzing never deactivates, demotes or revokes them; `restoreCallers` mends what it ends anyway.
 */
export async function createFuzzWorld(kind: DatabaseKind): Promise<FuzzWorld> {
  const testApp = await createTestApp(kind, { env: fuzzEnv });
  try {
    const seeded = await seedFuzzRecords(testApp);
    // The callers, kept out of the seeded pools.
    const rep = await testApp.createUser({ role: 'sales_rep', email: 'fuzz.rep.caller@fuzz.test' });
    const repKey = await testApp.createApiKey(rep.id);
    const marketer = await testApp.createUser({ role: 'marketing', email: 'fuzz.marketing.caller@fuzz.test' });
    const session = await testApp.signIn(marketer.email, marketer.password!);
    const known: KnownRecords = { ...seeded.known, emails: [...seeded.known.emails, testApp.admin.email, marketer.email], passwords: [marketer.password!] };
    const openapi = await testApp.call('GET', '/openapi.json');
    if (openapi.status !== 200) throw new Error(`GET /openapi.json answered ${openapi.status}`);
    const document = openapi.body as OpenApiDocument;
    const validator = createOpenApiValidator(document);
    const credentials: Record<FuzzPrincipal, Record<string, string>> = {
      admin: { authorization: `Bearer ${testApp.admin.apiKey}` },
      rep: { authorization: `Bearer ${repKey}` },
      session: { cookie: `${sessionCookieName}=${session.sessionToken}`, 'x-csrf-token': session.csrfToken, origin: testOrigin },
      // What another site can make the browser send: the cookie, from its own origin, without the token.
      'csrf-less': { cookie: `${sessionCookieName}=${session.sessionToken}`, origin: 'https://evil.example' },
      anonymous: {},
      // The admin key's prefix with another secret: found by prefix, refused on the hash.
      forged: { authorization: `Bearer ${testApp.admin.apiKey.slice(0, 'lp_000000000000_'.length)}${'A'.repeat(43)}` },
    };
    return {
      testApp,
      document,
      operations: operationsOf(document),
      validator,
      suggestions: fuzzSuggestions(known, validator.accepts),
      known,
      fixtureProblems: seeded.problems,
      credentials,
      maxBodyBytes: testApp.services.config.maxBodyBytes,
      async restoreCallers() {
        const me = (principal: FuzzPrincipal) => testApp.app.request('/api/auth/me', { headers: credentials[principal] });
        if ((await me('admin')).status !== 200) throw new Error('the admin key stopped working: the fuzzer cannot go on');
        if ((await me('rep')).status !== 200) credentials.rep = { authorization: `Bearer ${await testApp.createApiKey(rep.id)}` };
        if ((await me('session')).status !== 200) {
          const password = `fuzz-restored-${Date.now()}`;
          await testApp.call('POST', `/api/users/${marketer.id}/password`, { password });
          const renewed = await testApp.signIn(marketer.email, password);
          known.passwords.splice(0, known.passwords.length, password);
          credentials.session = { cookie: `${sessionCookieName}=${renewed.sessionToken}`, 'x-csrf-token': renewed.csrfToken, origin: testOrigin };
          credentials['csrf-less'] = { cookie: `${sessionCookieName}=${renewed.sessionToken}`, origin: 'https://evil.example' };
        }
      },
      destroy: () => testApp.destroy(),
    };
  } catch (error) {
    await testApp.destroy();
    throw error;
  }
}
