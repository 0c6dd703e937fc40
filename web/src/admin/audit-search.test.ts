import { describe, expect, it } from 'vitest';
import { auditCsvHref, auditQueryOf, hasAuditFilters, parseAuditSearch, startOfLocalDay } from './audit-search.ts';

describe('audit log filters', () => {
  it('keeps well-formed filters from the URL and drops the rest', () => {
    expect(
      parseAuditSearch({ entityType: 'api_key', entityId: ' 42 ', action: 'revoke', actor: 'user:0b8e7f1c-1111-4222-8333-444455556666', from: '2026-02-01', to: '2026-02-28' }),
    ).toEqual({ entityType: 'api_key', entityId: '42', action: 'revoke', actor: 'user:0b8e7f1c-1111-4222-8333-444455556666', from: '2026-02-01', to: '2026-02-28' });
    expect(parseAuditSearch({ entityType: 'Lead; drop', action: 'destroy', actor: 'robot:1', from: '2026-02-30', to: 'yesterday' })).toEqual({});
    expect(parseAuditSearch({ actor: 'system' })).toEqual({ actor: 'system' });
    expect(parseAuditSearch({ actor: 'user:' })).toEqual({});
  });

  it('turns an actor into type and id, and whole days into an instant range that includes the last day', () => {
    expect(auditQueryOf({ actor: 'api_key:k1', entityType: 'user', action: 'update' })).toEqual({ actorType: 'api_key', actorId: 'k1', entityType: 'user', action: 'update' });
    expect(auditQueryOf({ actor: 'cli' })).toEqual({ actorType: 'cli' });
    expect(auditQueryOf({ from: '2026-02-01', to: '2026-02-28' })).toEqual({
      from: new Date(2026, 1, 1).toISOString(),
      to: new Date(2026, 1, 29).toISOString(),
    });
    expect(startOfLocalDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('exports the same filters as CSV', () => {
    expect(auditCsvHref({})).toBe('/api/audit.csv');
    const href = new URL(auditCsvHref({ entityType: 'user', actor: 'user:u1', from: '2026-02-01' }), 'http://x');
    expect(href.pathname).toBe('/api/audit.csv');
    expect(Object.fromEntries(href.searchParams)).toEqual({ entityType: 'user', actorType: 'user', actorId: 'u1', from: new Date(2026, 1, 1).toISOString() });
  });

  it('knows when any filter is set', () => {
    expect(hasAuditFilters({})).toBe(false);
    expect(hasAuditFilters({ action: 'create' })).toBe(true);
  });
});
