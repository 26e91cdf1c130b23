// What clearing the cache took, as its decision-log entry says it: how many orders, payments,
// disputes, imports, ring verdicts and link overrides went, and which verdicts and overrides given on
// this laptop stopped applying. The app's words in plain digits, with no personal data: an override
// is named by its number and key type, never by its value. Pure.
import { formatDateTime } from '../domain/money';
import { ringName } from '../linking/rings';
import { NOTE_MAX } from './reasons';

export type RingVerdictStatus = 'confirmed-fraud' | 'benign' | 'needs-review';

/** The latest verdict given on this laptop on a ring, as it stood when the cache was cleared. */
export interface StoodVerdict {
  ringId: string;
  status: RingVerdictStatus;
  analyst: string;
  at: number;
}

/** An override given on this laptop and not taken back when the cache was cleared. */
export interface StoodOverride {
  id: number;
  type: string;
  action: 'allow' | 'never-link';
  analyst: string;
  at: number;
}

/** What a cleared cache held, counted as the analyst knows it. */
export interface ClearedCache {
  orders: number;
  payments: number;
  disputes: number;
  imports: number;
  /** Ring verdicts and ring notes. */
  ringMarks: number;
  /** Overrides and the undos that took some back. */
  linkOverrides: number;
  /** Oldest first. */
  verdicts: StoodVerdict[];
  /** Oldest first. */
  overrides: StoodOverride[];
}

/**
 * The verdict that stood per ring of the marks given here: the latest by its number, a note leaving
 * the verdict as it was (as RingDecisions.currentMarks reads them). Oldest first.
 */
export function verdictsThatStood(
  marks: readonly { id?: number; ringId: string; status: RingVerdictStatus | 'note'; analyst: string; createdAt: number }[],
): StoodVerdict[] {
  const latest = new Map<string, (typeof marks)[number]>();
  for (const m of [...marks].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) if (m.status !== 'note') latest.set(m.ringId, m);
  return [...latest.values()]
    .sort((a, b) => a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0))
    .map((m) => ({ ringId: m.ringId, status: m.status as RingVerdictStatus, analyst: m.analyst, at: m.createdAt }));
}

const VERDICT_WORDS: Record<RingVerdictStatus, string> = {
  'confirmed-fraud': 'confirmed as fraud',
  benign: 'judged benign',
  'needs-review': 'marked as needing review',
};

const ACTION_WORDS: Record<StoodOverride['action'], string> = { 'never-link': 'never link', allow: 'allow linking' };

const plain = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const when = (at: number) => `${formatDateTime(at)} UTC`;

export function verdictText(v: StoodVerdict): string {
  return `${ringName(v.ringId)} ${VERDICT_WORDS[v.status]} by ${v.analyst}, ${when(v.at)}`;
}

export function overrideText(o: StoodOverride): string {
  return `override ${o.id} (${ACTION_WORDS[o.action]}, ${o.type}) by ${o.analyst}, ${when(o.at)}`;
}

/**
 * The entry's note: the counts, then each verdict and override that stopped applying. A note holds
 * at most NOTE_MAX characters (a backup refuses a longer one), so past that the longer list is cut
 * and says how many more it held: the counts above it stay whole.
 */
export function clearedCacheNote(c: ClearedCache, max: number = NOTE_MAX): string {
  const counts =
    `Cleared the local cache: ${plain(c.orders, 'order', 'orders')}, ${plain(c.payments, 'payment', 'payments')}, ` +
    `${plain(c.disputes, 'dispute', 'disputes')}, ${plain(c.imports, 'import', 'imports')}, ` +
    `${plain(c.ringMarks, 'ring verdict or note', 'ring verdicts and notes')}, ${plain(c.linkOverrides, 'link override or undo', 'link overrides and undos')}.`;
  const verdicts = c.verdicts.map(verdictText);
  const overrides = c.overrides.map(overrideText);
  const section = (head: string, items: readonly string[], shown: number) =>
    ` ${head}: ${items.length === 0 ? 'none' : items.slice(0, shown).join('; ') + (shown < items.length ? `; and ${items.length - shown} more` : '')}.`;
  const text = (v: number, o: number) =>
    counts + section('Ring verdicts given here that no longer apply', verdicts, v) + section('Link overrides given here that no longer apply', overrides, o);
  // Every item is over 20 characters (its time alone is 20), so no more than max / 20 of a list fit:
  // the loop starts there, not at a list of thousands.
  let v = Math.min(verdicts.length, Math.floor(max / 20));
  let o = Math.min(overrides.length, Math.floor(max / 20));
  while (text(v, o).length > max && v + o > 0) {
    if (v >= o) v--;
    else o--;
  }
  return text(v, o).slice(0, max);
}
