// How the queue words an order's state: an analyst's hold must never read like the score's
// suggestion of one ("hold" next to "held" was one letter apart), and a held order waits for no target.
import { countdown } from '../../../../shared/disputes/deadlines';
import { SIGNALS, type Signal } from '../../../../shared/scoring/matrix';
import type { QueueRow } from '../../core/contract';

/** Still to be decided: a held order was decided in time, and stays only to be released or cancelled. */
export const awaitsDecision = (r: Pick<QueueRow, 'state'>): boolean => r.state !== 'held';

/**
 * `held by K. Weber` for the analyst's decision; `hold suggested` or `to review` for what the score
 * suggests of an order nobody decided yet (a bare "hold" there read as one already held).
 */
export const stateLabel = (r: Pick<QueueRow, 'state' | 'heldBy'>): string =>
  r.state === 'held' ? `held by ${r.heldBy ?? 'an analyst'}` : r.state === 'hold' ? 'hold suggested' : 'to review';

/** The Decide-by cell: the time left, or that it was decided. */
export const decideBy = (r: Pick<QueueRow, 'state' | 'slaDueAt'>, now: number): string => (awaitsDecision(r) ? countdown(r.slaDueAt, now) : 'decided');

/** Past the decision target and still undecided. */
export const overdue = (r: Pick<QueueRow, 'state' | 'slaDueAt'>, now: number): boolean => awaitsDecision(r) && r.slaDueAt < now;

/**
 * The order the cursor goes to once `decided` are decided: the next one still to decide below the
 * cursor, else above it; null when none is left (the cursor then stays where it is).
 */
export function nextToDecide(queue: readonly QueueRow[], at: number, decided: ReadonlySet<string>): string | null {
  const open = (r: QueueRow) => awaitsDecision(r) && !decided.has(r.orderKey);
  return (queue.slice(at + 1).find(open) ?? queue.slice(0, at).find(open))?.orderKey ?? null;
}

/** What the analyst narrowed the queue to; the header's counts stay the whole queue's. */
export interface QueueFilter {
  /** A channel as the queue words it (`Zalando`, a named shop), or null for every channel. */
  channel: string | null;
  /** `decide`: still to decide; `held`: on hold, to release or cancel. */
  state: 'all' | 'decide' | 'held';
  /** Only orders past the decision target and still undecided. */
  overdue: boolean;
  /** Only orders one of whose fired rules reads this signal (in a ring, the card on many devices, …). */
  signal: Signal | null;
  /** Part of an order number (a leading `#` or spaces do not count), or of the e-mail. */
  find: string;
}

export const NO_QUEUE_FILTER: QueueFilter = { channel: null, state: 'all', overdue: false, signal: null, find: '' };

/** The needle of the Find box: case and a leading `#` (with spaces after it) ignored, so `1001` and `# 1001` find `#1001`. */
const needleOf = (find: string): string => find.trim().replace(/^#\s*/, '').toLowerCase();

export const filtersQueue = (f: QueueFilter): boolean => f.channel !== null || f.state !== 'all' || f.overdue || f.signal !== null || needleOf(f.find) !== '';

/** The rows of `queue` the filter keeps, in the queue's order (riskiest first). */
export function filterQueue(queue: readonly QueueRow[], f: QueueFilter, now: number): QueueRow[] {
  if (!filtersQueue(f)) return queue as QueueRow[];
  const needle = needleOf(f.find);
  return queue.filter(
    (r) =>
      (f.channel === null || r.channel === f.channel) &&
      (f.state === 'all' || (f.state === 'held') === !awaitsDecision(r)) &&
      (!f.overdue || overdue(r, now)) &&
      (f.signal === null || r.signals.includes(f.signal)) &&
      (needle === '' || r.externalId.toLowerCase().includes(needle) || r.email.toLowerCase().includes(needle)),
  );
}

/** The channels the queue holds, each once, in the order the analyst reads them. */
export const queueChannels = (queue: readonly QueueRow[]): string[] => [...new Set(queue.map((r) => r.channel))].sort((a, b) => a.localeCompare(b));

/** A signal as the Why filter names it: its matrix label without the value's explanation (`(1 = yes)`, `: 1 = medium, …`). */
export const signalName = (signal: Signal): string => SIGNALS[signal].label.split(/ \(|: /)[0]!;

/** The signals the queue's fired rules read, each once, by name. */
export const queueSignals = (queue: readonly QueueRow[]): Signal[] =>
  [...new Set(queue.flatMap((r) => r.signals))].sort((a, b) => signalName(a).localeCompare(signalName(b)));
