import { z } from 'zod';
import { apiScopes } from '../../core/access/principal.ts';

/** What a new API key is made of, as the API and the CLI accept it. */
export const newApiKeySchema = z
  .object({
    name: z.string().trim().min(1, 'give the key a name, e.g. "CRM sync"').max(100),
    scopes: z
      .array(z.enum(apiScopes, { message: `expected one of ${apiScopes.join(', ')}` }))
      .min(1, 'give the key at least one scope')
      .max(apiScopes.length * 2),
    /** Whose key it is; only an admin may make one for someone else. Default: the caller. */
    userId: z.uuid('not a user id (uuid)').optional(),
  })
  .strict();
export type NewApiKey = z.infer<typeof newApiKeySchema>;
