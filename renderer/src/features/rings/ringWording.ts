// How a ring's figures read in its detail: the days it spans and its busiest 24 hours.
import { countOf, showDate } from '../../../../shared/domain/money';

/** "2026-11-16 – 2026-11-18", or one date for a ring within a day ("2026-11-16 – 2026-11-16" read as a slip). */
export function ringSpan(firstSeen: number, lastSeen: number): string {
  const first = showDate(firstSeen);
  const last = showDate(lastSeen);
  return first === last ? first : `${first} – ${last}`;
}

/** "peak 3 orders in 24 h", "peak 1 order in 24 h". */
export const ringPeak = (peak24h: number): string => `peak ${countOf(peak24h, 'order')} in 24 h`;
