import { z } from '@hono/zod-openapi';
import { apiScopes } from '../../core/access/principal.ts';
import { maximumPasswordLength, minimumPasswordLength } from '../../core/identity/password-rules.ts';
import { roleSchema } from '../../modules/team/user-fields.ts';
import type { ApiKeyWithOwner } from '../../modules/identity/api-key.repository.ts';
import { newApiKeySchema } from '../../modules/identity/api-key-fields.ts';

const isoDateTime = z.string().openapi({ format: 'date-time' });

export const signInBodySchema = z
  .object({
    email: z.string().trim().min(3, 'expected an e-mail address').max(320).openapi({ example: 'admin@demo.leadpact.dev' }),
    // No length rule here: a wrong password of any length gets the same answer as any other.
    password: z.string().min(1, 'expected a password').max(1024),
  })
  .strict()
  .openapi('SignIn');

export const passwordChangeBodySchema = z
  .object({
    currentPassword: z.string().min(1, 'expected your current password').max(1024),
    newPassword: z.string().openapi({ description: `${minimumPasswordLength} to ${maximumPasswordLength} characters` }),
  })
  .strict()
  .openapi('PasswordChange');

export const passwordResetBodySchema = z
  .object({
    password: z.string().optional().openapi({ description: `The new password (${minimumPasswordLength} to ${maximumPasswordLength} characters); leave it out to have one generated and returned once` }),
  })
  .strict()
  .openapi('PasswordReset');

export const passwordResetSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    generatedPassword: z.string().nullable().openapi({ description: 'The generated password, shown this once; null when you gave one' }),
  })
  .openapi('PasswordResetResult');

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema, teamId: z.string().nullable(), teamName: z.string().nullable() }),
    authenticatedBy: z.enum(['session', 'api_key']),
    apiKey: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    permissions: z.array(z.enum(apiScopes)).openapi({ description: 'What this caller may do, as scopes: for a session what the role allows, for a key its scopes the role still allows' }),
    isAdmin: z.boolean(),
    csrfToken: z.string().nullable().openapi({ description: 'Send it as X-CSRF-Token with every write made with the session cookie; null for API keys' }),
  })
  .openapi('Me');

export const signedInSchema = meSchema.extend({ sessionExpiresAt: isoDateTime }).openapi('SignedIn');

export const newApiKeyBodySchema = newApiKeySchema.openapi('NewApiKey', { example: { name: 'CRM sync', scopes: ['leads:read', 'leads:write'] } });

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The public start of the key (lp_<prefix>_…), to recognise it' }),
    scopes: z.array(z.string()),
    userId: z.uuid(),
    userEmail: z.string(),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable().openapi({ description: 'Last request made with the key (to the minute)' }),
    revokedAt: isoDateTime.nullable(),
  })
  .openapi('ApiKey');

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().openapi({ description: 'The whole key, shown this once: send it as `Authorization: Bearer <key>`. Only its hash is kept.', example: 'lp_3f9a0c1d2e4b_…' }) })
  .openapi('CreatedApiKey');

export const apiKeyListQuerySchema = z
  .object({
    userId: z.uuid('not a user id (uuid)').optional().openapi({ description: 'Admins: this user’s keys' }),
    all: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .optional()
      .transform((text) => text === 'true')
      .openapi({ type: 'string', enum: ['true', 'false'], description: 'Admins: everyone’s keys' }),
  })
  .strict();

export function presentApiKey(key: ApiKeyWithOwner): z.infer<typeof apiKeySchema> {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    userId: key.user_id,
    userEmail: key.owner_email,
    createdAt: key.created_at.toISOString(),
    lastUsedAt: key.last_used_at?.toISOString() ?? null,
    revokedAt: key.revoked_at?.toISOString() ?? null,
  };
}
