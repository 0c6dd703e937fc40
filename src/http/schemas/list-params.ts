import { z } from '@hono/zod-openapi';
import { parseListSort } from '../../core/listing/list-sort.ts';

// Query parameters the lists share: comma-separated choices, dates, and `sort`.

/** Comma-separated choices out of `values`; an unknown one is a 400 naming the parameter. */
export const commaList = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return undefined;
      const parts = text.split(',').map((part) => part.trim());
      const wrong = parts.filter((part) => !(values as readonly string[]).includes(part));
      if (wrong.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown ${name} ${wrong.map((w) => `"${w}"`).join(', ')}; expected any of ${values.join(', ')}` });
        return z.NEVER;
      }
      return parts as T[number][];
    })
    .openapi({ type: 'string', description: `Comma-separated: ${values.join(', ')}` });

export const dateParam = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === '') return undefined;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO date or date-time such as 2026-01-31 or 2026-01-31T09:00:00Z' });
      return z.NEVER;
    }
    return date;
  })
  .openapi({ type: 'string', format: 'date-time' });

/**
 * `sort` as a query parameter: one of `keys`, `-` in front for descending; an unknown key is a 400
 * naming `sort` that lists the keys.
 */
export const sortParam = <Key extends string>(keys: readonly Key[], fallback: string, notes: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const parsed = parseListSort(text === undefined || text === '' ? fallback : text, keys);
      if (parsed.ok) return parsed.sort;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    })
    .openapi({
      type: 'string',
      enum: keys.flatMap((key) => [key, `-${key}`]),
      description: `The order: ${keys.join(', ')}; prefix - for descending (default ${fallback}). Ties are broken by id; rows without a value for the key come last either way. ${notes}`,
    });

