import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { queryAuditEntries, type AuditLogFilter, type AuditLogRow } from './audit.repository.ts';

export const maxAuditPageSize = 500;

export function encodeAuditCursor(lastId: number): string {
  return Buffer.from(`audit:${lastId}`).toString('base64url');
}

export function decodeAuditCursor(text: string): number {
  const match = /^audit:(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  const id = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw AppError.validation([{ path: 'cursor', message: 'not a cursor returned by this endpoint' }]);
  return id;
}

/** Refuses a time window that ends before it starts (400 naming `to`). */
export function assertAuditWindow(filter: AuditLogFilter): void {
  if (filter.from && filter.to && filter.to.getTime() <= filter.from.getTime()) {
    throw AppError.validation([{ path: 'to', message: `must be after from (${filter.from.toISOString()})` }]);
  }
}

/**
 * A page of the audit log matching the filter, newest first, with the cursor of the next page
 * (null at the end). `limit` is 1–500. Reads only; who may read is the caller's check
 * (`assertMayReadAudit`).
 */
export async function listAuditEntries(db: Db, options: { filter: AuditLogFilter; cursor?: string | undefined; limit: number }): Promise<{ entries: AuditLogRow[]; nextCursor: string | null }> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > maxAuditPageSize) {
    throw AppError.validation([{ path: 'limit', message: `expected a whole number from 1 to ${maxAuditPageSize}` }]);
  }
  assertAuditWindow(options.filter);
  const beforeId = options.cursor ? decodeAuditCursor(options.cursor) : null;
  const rows = await queryAuditEntries(db, options.filter, beforeId, options.limit + 1);
  const entries = rows.slice(0, options.limit);
  const last = entries[entries.length - 1];
  return { entries, nextCursor: rows.length > options.limit && last ? encodeAuditCursor(last.id) : null };
}
