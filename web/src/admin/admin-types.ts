import type { components } from '../api/schema.d.ts';

/** The API's shapes the admin screens work with (generated from the OpenAPI document). */
export type OrganisationUser = components['schemas']['User'];
export type Team = components['schemas']['Team'];
export type ApiKey = components['schemas']['ApiKey'];
export type CreatedApiKey = components['schemas']['CreatedApiKey'];
export type AuditEntry = components['schemas']['AuditEntry'];
export type Role = OrganisationUser['role'];
export type AccountClass = Team['accountClass'];
export type NewUserBody = components['schemas']['NewUser'];
export type UserChangesBody = components['schemas']['UserChanges'];
export type ApiScope = components['schemas']['NewApiKey']['scopes'][number];
