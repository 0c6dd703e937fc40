import { describe, expect, it } from 'vitest';
import { auditActorLabel, auditColumnLabel, auditEntityLabel, auditEntrySummary, auditValueRows, formatAuditValue, type AuditNames } from './audit-entry-text.ts';

const names: AuditNames = {
  users: new Map([['u1', 'Robin Rep']]),
  teams: new Map([['t1', 'Inside Sales']]),
  apiKeys: new Map([['k1', 'CRM sync']]),
  calendarTimeZone: 'America/New_York',
  displayTimeZone: 'UTC',
};

describe('audit entries in words', () => {
  it('labels columns', () => {
    expect(auditColumnLabel('away_until')).toBe('Away until');
    expect(auditColumnLabel('team_id')).toBe('Team');
    expect(auditColumnLabel('email')).toBe('E-mail');
    expect(auditColumnLabel('revoked_at')).toBe('Revoked at');
  });

  it('shows values as names, dates and words', () => {
    expect(formatAuditValue('team_id', 't1', names)).toBe('Inside Sales');
    expect(formatAuditValue('team_id', 't-gone', names)).toBe('t-gone');
    expect(formatAuditValue('user_id', 'u1', names)).toBe('Robin Rep');
    expect(formatAuditValue('role', 'sales_manager', names)).toBe('Sales manager');
    expect(formatAuditValue('away_until', '2030-01-15T05:00:00.000Z', names)).toBe('15 Jan 2030');
    expect(formatAuditValue('revoked_at', '2026-03-04T17:05:00.000Z', names)).toBe('4 Mar 2026, 17:05');
    expect(formatAuditValue('active', false, names)).toBe('No');
    expect(formatAuditValue('capacity', 0, names)).toBe('0');
    expect(formatAuditValue('scopes', ['leads:read', 'admin'], names)).toBe('leads:read, admin');
    expect(formatAuditValue('scopes', [], names)).toBe('none');
    expect(formatAuditValue('routing', { strategy: 'territory' }, names)).toBe('{"strategy":"territory"}');
    expect(formatAuditValue('away_until', null, names)).toBeNull();
  });

  it('pairs old and new values per column, including columns only one side has', () => {
    const rows = auditValueRows({ oldValues: { capacity: 50, away_until: null }, newValues: { capacity: 75, away_until: '2030-01-15T05:00:00.000Z' } }, names);
    expect(rows).toEqual([
      { column: 'capacity', label: 'Capacity', before: '50', after: '75' },
      { column: 'away_until', label: 'Away until', before: null, after: '15 Jan 2030' },
    ]);
    expect(auditValueRows({ oldValues: null, newValues: { name: 'CRM sync', user_id: 'u1' } }, names)).toEqual([
      { column: 'name', label: 'Name', before: null, after: 'CRM sync' },
      { column: 'user_id', label: 'Owner', before: null, after: 'Robin Rep' },
    ]);
    expect(auditValueRows({ oldValues: null, newValues: null }, names)).toEqual([]);
  });

  it('sums an entry up in one line', () => {
    expect(auditEntrySummary({ action: 'create', oldValues: null, newValues: { name: 'x' } })).toBe('Created');
    expect(auditEntrySummary({ action: 'update', oldValues: { capacity: 1 }, newValues: { capacity: 2 } })).toBe('Changed capacity');
    expect(auditEntrySummary({ action: 'update', oldValues: { capacity: 1, away_until: null }, newValues: { capacity: 2, away_until: 'x' } })).toBe('Changed capacity and away until');
    expect(auditEntrySummary({ action: 'update', oldValues: null, newValues: { a: 1, b: 2, c: 3, d: 4, e: 5 } })).toBe('Changed a, b, c and 2 more');
    expect(auditEntrySummary({ action: 'revoke', oldValues: { revoked_at: null }, newValues: { revoked_at: 'x' } })).toBe('Revoked');
  });

  it('names the entity and the actor', () => {
    expect(auditEntityLabel({ entityType: 'user', entityId: 'u1', newValues: null }, names)).toBe('User Robin Rep');
    expect(auditEntityLabel({ entityType: 'api_key', entityId: 'k2', newValues: { name: 'Old key' } }, names)).toBe('API key Old key');
    expect(auditEntityLabel({ entityType: 'lead', entityId: 'l1', newValues: null }, names)).toBe('Lead l1');
    expect(auditEntityLabel({ entityType: 'lead', entityId: '698f858b-031b-4c5f-bddb-c5a6b1fa4a17', newValues: null }, names)).toBe('Lead 698f858b…');
    expect(auditActorLabel({ actorType: 'user', actorId: 'u1' }, names)).toBe('Robin Rep');
    expect(auditActorLabel({ actorType: 'api_key', actorId: 'k1' }, names)).toBe('API key CRM sync');
    expect(auditActorLabel({ actorType: 'system', actorId: null }, names)).toBe('leadpact (system)');
    expect(auditActorLabel({ actorType: 'import', actorId: '12345678-aaaa' }, names)).toBe('Import 12345678');
  });
});
