// Undoing a decision: only a hold, release or cancel, only once, and only shortly after it was made;
// later the analyst makes a new decision instead, so the log reads as what happened.
import { isOrderDecision, type DecisionEntry } from './chain';

/** A decision can be undone this long after it was made; the undo is itself logged. */
export const UNDO_WINDOW_MS = 2 * 60_000;

/** Why entry `seq` cannot be undone at `now`, in the analyst's words; null when it can. */
export function undoProblem(seq: number, entries: readonly Pick<DecisionEntry, 'seq' | 'decision' | 'undoes' | 'at'>[], now: number): string | null {
  const target = entries.find((e) => e.seq === seq);
  if (!target || !isOrderDecision(target.decision)) return `Entry ${seq} is not a decision that can be undone`;
  if (entries.some((e) => e.decision === 'undo' && e.undoes === seq)) return `Entry ${seq} was already undone`;
  if (now - target.at > UNDO_WINDOW_MS) return `Entry ${seq} is older than ${UNDO_WINDOW_MS / 60_000} minutes; make a new decision instead`;
  // A clock set back (or ahead when it was decided) would otherwise stretch the window by the difference.
  if (target.at - now > UNDO_WINDOW_MS)
    return `Entry ${seq} is dated more than ${UNDO_WINDOW_MS / 60_000} minutes after this computer's clock (the clock was changed); make a new decision instead`;
  return null;
}
