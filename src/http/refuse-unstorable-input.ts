import type { MiddlewareHandler } from 'hono';
import { AppError, type FieldIssue } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';

/** Deeper JSON than any leadpact document needs (a pact nests about eight levels). */
export const maxJsonDepth = 64;

const nulCharacter = /\u0000/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL cannot store `text` as given, or null when it can: a NUL character (text and jsonb
 * refuse it) or an unpaired UTF-16 surrogate (not Unicode: jsonb refuses it, text would silently
 * get U+FFFD instead).
 */
export function unstorableTextReason(text: string): string | null {
  if (nulCharacter.test(text)) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (unpairedSurrogate.test(text)) return 'contains an unpaired UTF-16 surrogate, which is not valid Unicode';
  return null;
}

/**
 * The first place in a parsed JSON value (or form) that cannot be stored — a string or key
 * `unstorableTextReason` refuses, or nesting deeper than `maxJsonDepth` — as a field issue at its
 * dotted path under `root`, or null. Iterative, so hostile nesting cannot exhaust the stack here.
 */
export function firstUnstorableIssue(value: unknown, root: string): FieldIssue | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const reason = unstorableTextReason(current);
      if (reason) return { path, message: reason };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxJsonDepth) return { path, message: `nested deeper than ${maxJsonDepth} levels` };
    const entries = Array.isArray(current) ? current.map((item, index) => [String(index), item] as const) : Object.entries(current);
    for (const [key, item] of entries) {
      const itemPath = path === '(body)' || path === '' ? key : `${path}.${key}`;
      const keyReason = unstorableTextReason(key);
      if (keyReason) return { path: itemPath, message: `the field name ${keyReason}` };
      pending.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Refuses (400, naming the field) input that PostgreSQL cannot store or that would exhaust a
 * recursive parser: NUL characters and unpaired surrogates in query parameters, JSON bodies and
 * URL-encoded forms, and JSON nested deeper than `maxJsonDepth`. Without this such input reaches
 * the database and fails there as a 500. Multipart uploads and CSV bodies are not read here (they
 * stream to the import, which reports bad cells per row). A JSON body that does not parse is left
 * to the route, which answers it in its own way.
 */
export function refuseUnstorableInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const [name, values] of Object.entries(c.req.queries())) {
      for (const value of values) {
        const reason = unstorableTextReason(value) ?? unstorableTextReason(name);
        if (reason) throw AppError.validation([{ path: `query.${name}`, message: reason }]);
      }
    }
    const contentType = c.req.header('content-type')?.toLowerCase() ?? '';
    let issue: FieldIssue | null = null;
    if (/^application\/([a-z0-9.+-]*\+)?json/.test(contentType)) {
      // Read through Hono's body cache, so the route and the idempotency check read the same text again.
      const text = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return next();
      }
      issue = firstUnstorableIssue(body, '(body)');
    } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
      issue = firstUnstorableIssue(await c.req.parseBody({ all: true }), '(body)');
    }
    if (issue) throw AppError.validation([issue]);
    return next();
  };
}
