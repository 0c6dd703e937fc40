import type { z } from 'zod';
import type { FieldIssue } from './app-error.ts';

/** Turns zod issues into `path: message` pairs, the path dotted the way a user writes it (`routing.field.strategy`). */
export function fieldIssuesFromZod(error: z.ZodError, pathPrefix = ''): FieldIssue[] {
  const join = (parts: readonly PropertyKey[]) => [pathPrefix, parts.map(String).join('.')].filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((issue) => {
    // An unknown field is reported at its own path, so the caller sees which key to remove.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: join([...issue.path, key]), message: `unknown field "${key}"` }));
    }
    return [{ path: join(issue.path), message: issue.message }];
  });
}
