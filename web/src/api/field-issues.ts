import { isApiError } from './api-error.ts';

/**
 * The API's messages about `field` and anything inside it (`scopes` gets `scopes.2` too), as
 * sentences to show under that field; undefined when there are none.
 */
export function issuesUnder(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const messages = error.issues
    .filter((issue) => issue.path === field || issue.path.startsWith(`${field}.`) || issue.path === `query.${field}`)
    .map((issue) => {
      const sentence = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
    });
  return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
}

/** The error to show above a form: one the fields do not already show (a conflict, a network failure). */
export function formLevelError(error: unknown, fields: readonly string[]): unknown {
  if (!error) return null;
  if (isApiError(error) && fields.some((field) => issuesUnder(error, field) !== undefined)) return null;
  return error;
}
