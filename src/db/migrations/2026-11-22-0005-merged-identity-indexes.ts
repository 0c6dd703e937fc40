import type { Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * Capture finds a person by e-mail match key or external id among live leads (the partial unique
 * indexes of the lead spine) and among leads merged into another (to follow the merge). Without an
 * index for the merged ones that second half was a full scan of `leads` on every capture batch.
 * Merged leads are few, so these indexes stay small. Hand-written; forward-only once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create index leads_email_key_merged on leads (email_key) where merged_into_id is not null and email_key is not null;
    create index leads_external_merged on leads (external_source, external_id) where merged_into_id is not null and external_id is not null;
  `,
  );
}
