/**
 * The candidate a mistyped name most likely meant, for "did you mean …?" hints: the closest by edit
 * distance, ignoring case, and only when it is close enough to be a typo (at most a third of the
 * name's length, and at most 3 edits) or when the name is the start of the candidate. Undefined when
 * nothing is that close.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lowered = candidate.toLowerCase();
    // A name cut short (halfLife for halfLifeDays) is as likely a slip as a one-letter typo.
    const isTruncation = wanted.length >= 4 && lowered.startsWith(wanted);
    const distance = isTruncation ? 1 : editDistance(wanted, lowered);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Edit distance where an insertion, a deletion, a substitution or swapping two neighbours each cost 1. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
