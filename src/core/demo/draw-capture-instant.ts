import { DAY_MS, HOUR_MS, localWeekday, startOfUtcDay } from './demo-calendar-math.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Growth of inbound volume over the year: the last day sees this much more than the first. */
const yearlyGrowth = 0.6;
const weekendAcceptance = 0.25;

/**
 * A local hour of day at which someone fills in a form: mostly office hours (peaking late morning),
 * sometimes evenings and nights.
 */
export function drawLocalHour(random: SeededRandom): number {
  if (random.chance(0.82)) return Math.min(18.99, Math.max(7.5, random.normal(11.75, 2.4)));
  return random.chance(0.7) ? random.between(19, 23.99) : random.between(0, 7.5);
}

/**
 * When a lead fills in a form between `from` and `until` (UTC ms, clipped to `now`): weekdays far
 * more than weekends, office hours of the lead's country (`utcOffsetHours`), and — over windows
 * longer than a month — more towards the end of the year than the start (`yearStart` anchors that).
 */
export function drawCaptureInstant(random: SeededRandom, window: { from: number; until: number; yearStart: number; now: number; utcOffsetHours: number }): number {
  const until = Math.min(window.until, window.now - 60_000);
  const from = Math.min(window.from, until);
  const firstDay = startOfUtcDay(from + window.utcOffsetHours * HOUR_MS);
  const days = Math.floor((until + window.utcOffsetHours * HOUR_MS - firstDay) / DAY_MS) + 1;
  const tiltGrowth = until - from > 30 * DAY_MS;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const localDay = firstDay + random.int(0, days - 1) * DAY_MS;
    if (localWeekday(localDay, 0) >= 6 && !random.chance(weekendAcceptance)) continue;
    if (tiltGrowth) {
      const yearPosition = Math.min(1, Math.max(0, (localDay - window.yearStart) / (365 * DAY_MS)));
      if (!random.chance((1 + yearlyGrowth * yearPosition) / (1 + yearlyGrowth))) continue;
    }
    const instant = Math.round(localDay + (drawLocalHour(random) - window.utcOffsetHours) * HOUR_MS + random.int(0, 59_999));
    if (instant >= from && instant <= until) return instant;
  }
  return Math.round(from + random.next() * (until - from));
}
