const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/**
 * How long ago `since` was, short enough for a table cell: "just now", "12 min", "5 h", "3 d",
 * "6 wk", "4 mo", "2 y". Whole units, rounded down; a time after `now` counts as just now.
 */
export function timeAgo(since: Date, now: Date): string {
  const elapsed = now.getTime() - since.getTime();
  if (!(elapsed >= minuteMs)) return 'just now';
  if (elapsed < hourMs) return `${Math.floor(elapsed / minuteMs)} min`;
  if (elapsed < dayMs) return `${Math.floor(elapsed / hourMs)} h`;
  if (elapsed < 14 * dayMs) return `${Math.floor(elapsed / dayMs)} d`;
  if (elapsed < 61 * dayMs) return `${Math.floor(elapsed / (7 * dayMs))} wk`;
  if (elapsed < 365 * dayMs) return `${Math.floor(elapsed / (30 * dayMs))} mo`;
  return `${Math.floor(elapsed / (365 * dayMs))} y`;
}
