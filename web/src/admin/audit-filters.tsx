import { useEffect, useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { Field } from '../ui/field.tsx';
import { Input } from '../ui/input.tsx';
import { Select } from '../ui/select.tsx';
import type { ApiKey, OrganisationUser } from './admin-types.ts';
import { actionLabels, entityTypeLabels } from './audit-entry-text.ts';
import { auditActions, auditEntityTypes, type AuditAction, type AuditSearch } from './audit-search.ts';

const actorTypeOptions = [
  { value: 'system', label: 'leadpact (system)' },
  { value: 'cli', label: 'CLI operator' },
  { value: 'form', label: 'Web forms' },
  { value: 'import', label: 'Imports' },
];

export interface AuditFiltersProps {
  search: AuditSearch;
  users: readonly OrganisationUser[];
  apiKeys: readonly ApiKey[];
  onChange(change: Partial<AuditSearch>): void;
  /** The API's message about a filter (a range that ends before it starts). */
  errorOf(field: 'from' | 'to' | 'entityId'): string | undefined;
}

/** The audit log's filters: what (entity type, record id), which action, who, and a range of days. */
export function AuditFilters({ search, users, apiKeys, onChange, errorOf }: AuditFiltersProps) {
  const [recordId, setRecordId] = useState(search.entityId ?? '');
  const settledId = useDebouncedValue(recordId.trim(), 300);
  const appliedId = useRef(search.entityId ?? '');
  appliedId.current = search.entityId ?? '';
  useEffect(() => {
    if (settledId !== appliedId.current) onChange({ entityId: settledId || undefined });
  }, [settledId, onChange]);
  // A link or "Clear filters" changes the URL: the box follows it (but not the URL its own typing set).
  const typedId = useRef(settledId);
  typedId.current = settledId;
  useEffect(() => {
    if ((search.entityId ?? '') !== typedId.current) setRecordId(search.entityId ?? '');
  }, [search.entityId]);

  const actorOptions = useMemo(() => {
    const options = [
      { value: '', label: 'Anyone' },
      ...actorTypeOptions,
      ...users.map((user) => ({ value: `user:${user.id}`, label: user.name })),
      ...apiKeys.map((key) => ({ value: `api_key:${key.id}`, label: `API key ${key.name}` })),
    ];
    if (search.actor && !options.some((option) => option.value === search.actor)) options.push({ value: search.actor, label: search.actor });
    return options;
  }, [users, apiKeys, search.actor]);

  return (
    <div className="lp-admin-toolbar lp-admin-toolbar--audit" role="search" aria-label="Filter the audit log">
      <Field label="Entity">
        {(control) => (
          <Select
            {...control}
            value={search.entityType ?? ''}
            options={[{ value: '', label: 'Everything' }, ...auditEntityTypes.map((type) => ({ value: type, label: entityTypeLabels[type] ?? type }))]}
            onChange={(event) => onChange({ entityType: event.target.value || undefined })}
          />
        )}
      </Field>
      <Field label="Action">
        {(control) => (
          <Select
            {...control}
            value={search.action ?? ''}
            options={[{ value: '', label: 'Any action' }, ...auditActions.map((action) => ({ value: action, label: actionLabels[action] ?? action }))]}
            onChange={(event) => onChange({ action: (event.target.value || undefined) as AuditAction | undefined })}
          />
        )}
      </Field>
      <Field label="Who">
        {(control) => <Select {...control} value={search.actor ?? ''} options={actorOptions} onChange={(event) => onChange({ actor: event.target.value || undefined })} />}
      </Field>
      <Field label="From" error={errorOf('from')}>
        {(control) => <Input {...control} type="date" value={search.from ?? ''} onChange={(event) => onChange({ from: event.target.value || undefined })} />}
      </Field>
      <Field label="To (included)" error={errorOf('to')}>
        {(control) => <Input {...control} type="date" value={search.to ?? ''} onChange={(event) => onChange({ to: event.target.value || undefined })} />}
      </Field>
      <Field label="Record id" error={errorOf('entityId')}>
        {(control) => <Input {...control} value={recordId} placeholder="Any" autoComplete="off" spellCheck={false} onChange={(event) => setRecordId(event.target.value)} />}
      </Field>
    </div>
  );
}
