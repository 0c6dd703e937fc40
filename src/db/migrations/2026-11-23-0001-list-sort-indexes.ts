import type { Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * The lead and account lists sort by a chosen key and page by keyset on (key, id) (see
 * src/db/keyset-page.ts). An index on exactly the key's expression and id lets a page be read in
 * order and stop after `limit` rows instead of sorting every visible row. The expressions repeat,
 * character for character, those of lead-query.repository.ts and account-query.repository.ts.
 * Lead indexes are partial on live leads (`merged_into_id is null`), which every list asks for.
 * Sorting leads by owner (the owner's name, in another table) has no index: on 100,000 leads
 * that order is a full sort, measured at ~150 ms on PostgreSQL for an admin's unfiltered list.
 * Hand-written; forward-only once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create index leads_list_score_idx on leads (score, id) where merged_into_id is null;
    create index leads_list_grade_idx on leads (grade, id) where merged_into_id is null;
    create index leads_list_company_idx on leads ((lower(company) collate "C"), id) where merged_into_id is null;
    create index leads_list_name_idx on leads ((nullif(lower(btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))), '') collate "C"), id) where merged_into_id is null;
    create index leads_list_stage_idx on leads ((case stage when 'inquiry' then 0 when 'mql' then 1 when 'sal' then 2 when 'sql' then 3 when 'won' then 4 when 'lost' then 5 when 'junk' then 6 when 'disqualified' then 7 when 'recycled' then 8 end), id) where merged_into_id is null;
    create index leads_list_source_idx on leads ((lower(source) collate "C"), id) where merged_into_id is null;
    create index leads_list_stage_changed_idx on leads (stage_changed_at, id) where merged_into_id is null;
    create index accounts_list_name_idx on accounts ((lower(name) collate "C"), id);
    create index accounts_list_domain_idx on accounts ((domain collate "C"), id);
    create index accounts_list_class_idx on accounts (account_class, id);
    create index accounts_list_created_idx on accounts (created_at, id);
  `,
  );
}
