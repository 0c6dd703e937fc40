import type { Kysely } from 'kysely';
import { executeScript } from '../execute-script.ts';

/**
 * The audit log becomes append-only in the database itself: UPDATE, DELETE and TRUNCATE of
 * `audit_log` are rejected by triggers, whoever sends them. One exception, for privacy erasure: an
 * UPDATE inside a transaction that ran `set local leadpact.audit_redaction = 'on'` may change
 * `old_values` and `new_values` and nothing else, so personal data can be scrubbed from what was
 * recorded while who, when and what stay. Hand-written; forward-only once landed.
 * SQL kept to what PostgreSQL 15 and PGlite (PostgreSQL 18) both accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create or replace function audit_log_append_only() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'UPDATE'
        and coalesce(current_setting('leadpact.audit_redaction', true), '') = 'on'
        and (to_jsonb(new) - 'old_values' - 'new_values') = (to_jsonb(old) - 'old_values' - 'new_values') then
        return new;
      end if;
      if tg_op = 'UPDATE' and coalesce(current_setting('leadpact.audit_redaction', true), '') = 'on' then
        raise exception 'audit_log is append-only: a redaction may change only old_values and new_values'
          using errcode = 'integrity_constraint_violation';
      end if;
      raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'integrity_constraint_violation',
              hint = 'audit entries are never changed or removed; erasure scrubs old_values/new_values under leadpact.audit_redaction';
    end;
    $$;

    create trigger audit_log_append_only_rows
      before update or delete on audit_log
      for each row execute function audit_log_append_only();

    create trigger audit_log_append_only_truncate
      before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create index audit_log_actor_idx on audit_log (actor_id, id);
  `,
  );
}
