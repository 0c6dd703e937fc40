import type { getLead } from '../modules/leads/get-lead.ts';

type LeadDetail = Awaited<ReturnType<typeof getLead>>;

interface Explanation {
  fit?: { ruleId: string; label: string; points: number }[];
  engagement?: { ruleId: string; label: string; touchType: string; touches: number; counted: number; rawPoints: number; decayedPoints: number; halfLifeDays: number }[];
  fitRaw?: number;
  fitClamped?: number;
  grade?: { basis: string; value: number; thresholds: Record<string, number>; grade: string };
  scoredAt?: string;
}

const signed = (points: number) => (points >= 0 ? `+${points}` : String(points));

/** The lead as a person reads it in a terminal: who, where it stands, why it scored so, why it went to whom. */
export function formatLeadExplanation(detail: LeadDetail): string {
  const { lead, account, owner } = detail;
  const lines: string[] = [];
  const name = [lead.first_name, lead.last_name].filter(Boolean).join(' ') || '(no name)';
  lines.push(`${name} <${lead.email ?? 'no e-mail'}>${lead.title ? `, ${lead.title}` : ''}${lead.company ? ` at ${lead.company}` : ''}`);
  lines.push(`id ${lead.id}${lead.merged_into_id ? ` — merged into ${lead.merged_into_id}` : ''}`);
  lines.push(`stage ${lead.stage}${lead.junk_reason ? ` (junk: ${lead.junk_reason})` : ''}${lead.mql_clause ? ` — MQL because "${lead.mql_clause}"` : ''}`);
  lines.push(`account ${account ? `${account.name} (${account.domain ?? 'no domain'}, ${account.account_class ?? 'unclassified'})` : 'none'}; class ${lead.account_class ?? '—'}`);
  lines.push(`owner ${owner ? `${owner.name} <${owner.email}>` : 'unassigned'}`);
  lines.push('');
  const explanation = (lead.score_explanation ?? {}) as Explanation;
  lines.push(`score ${lead.score ?? '—'} = fit ${lead.fit_score ?? '—'} + engagement ${lead.engagement_score ?? '—'}; grade ${lead.grade ?? '—'}`);
  if (explanation.grade) {
    const t = explanation.grade.thresholds;
    lines.push(`  grade from ${explanation.grade.basis} ${explanation.grade.value} (A ≥ ${t.A}, B ≥ ${t.B}, C ≥ ${t.C})${explanation.fitRaw !== undefined && explanation.fitRaw !== explanation.fitClamped ? `; fit ${explanation.fitRaw} clamped to ${explanation.fitClamped}` : ''}`);
  }
  lines.push('  fit rules that fired:');
  for (const rule of explanation.fit ?? []) lines.push(`    ${signed(rule.points).padStart(4)}  ${rule.label} [${rule.ruleId}]`);
  if (!explanation.fit?.length) lines.push('    (none)');
  lines.push('  engagement:');
  for (const rule of explanation.engagement ?? []) {
    lines.push(`    ${rule.decayedPoints.toFixed(1).padStart(6)}  ${rule.label}: ${rule.counted} of ${rule.touches} ${rule.touchType} touch(es), ${rule.rawPoints} points before decay (half-life ${rule.halfLifeDays} d)`);
  }
  if (!explanation.engagement?.length) lines.push('    (none)');
  const routing = lead.routing as { reason?: string; strategy?: string; team?: string; skipped?: { email: string; why: string }[] } | null;
  lines.push('');
  lines.push(`routing: ${routing?.reason ?? (lead.stage === 'inquiry' ? 'not routed: not an MQL yet' : 'not routed')}`);
  for (const skipped of routing?.skipped ?? []) lines.push(`  skipped ${skipped.email}: ${skipped.why}`);
  lines.push('');
  lines.push('timeline:');
  const entries = [
    ...detail.touches.map((touch) => ({ at: touch.occurred_at, text: `touch ${touch.type}${touch.campaign_name ? ` (${touch.campaign_name})` : ''}${touch.source ? ` from ${touch.source}` : ''}` })),
    ...detail.events.map((event) => ({ at: event.at, text: `${event.type}${event.to_stage ? ` ${event.from_stage ?? '∅'} → ${event.to_stage}` : ''}${event.actor_name ? ` by ${event.actor_name}` : ` by ${event.actor_type}`}: ${event.reason ?? ''}` })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const entry of entries) lines.push(`  ${entry.at.toISOString().replace('T', ' ').slice(0, 16)}  ${entry.text}`);
  if (detail.duplicates.length) {
    lines.push('');
    lines.push('possible duplicates:');
    for (const candidate of detail.duplicates) lines.push(`  ${candidate.lead_id === lead.id ? candidate.other_lead_id : candidate.lead_id} — ${candidate.reason} (${candidate.status})`);
  }
  return lines.join('\n');
}
