import { Badge, type BadgeTone } from '../ui/badge.tsx';
import type { ImportSummary } from './import-api.ts';

const statusLabels: Record<ImportSummary['status'], { label: string; tone: BadgeTone }> = {
  running: { label: 'Running', tone: 'info' },
  completed: { label: 'Completed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function ImportStatusBadge(props: { status: ImportSummary['status'] }) {
  const { label, tone } = statusLabels[props.status];
  return <Badge tone={tone}>{label}</Badge>;
}

const startedAtFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatStartedAt(iso: string): string {
  return startedAtFormat.format(new Date(iso));
}

/** Who ran an import: a person's name, or the API key or CLI operator (no user is recorded for those). */
export function runByName(createdBy: string | null, people: ReadonlyMap<string, string> | undefined): string {
  if (createdBy === null) return 'API key or CLI';
  if (people === undefined) return '…';
  return people.get(createdBy) ?? 'Unknown user';
}
