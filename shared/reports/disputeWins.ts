// What wins disputes: win rates of the decided disputes of a period by the channel their order was
// sold on, and for each evidence checklist item, with the item ticked against without it. Pure.
import { chargebackDate, isChargeback, type Dispute } from '../domain/dispute';
import { reasonFamily, REASON_FAMILIES, type ReasonFamily } from '../disputes/reasonCodes';
import { EVIDENCE } from '../disputes/workflow';

/** Under this many decided disputes a side's win rate says too little to compare. */
export const TOO_FEW_DECIDED = 5;

/** Disputes whose order is not in the cache have no channel. */
export const NO_CHANNEL = 'Order not in the cache';

export interface WinCount {
  won: number;
  lost: number;
  /** won / (won + lost); null when none was decided. */
  winRate: number | null;
}

export interface ChannelWins extends WinCount {
  channel: string;
}

export interface EvidenceWins {
  item: string;
  /** The families whose checklist has the item, in the families' order. */
  families: ReasonFamily[];
  ticked: WinCount;
  notTicked: WinCount;
  /** Fewer than TOO_FEW_DECIDED decided on either side: the difference says nothing yet. */
  tooFew: boolean;
  /** Win rate with the item minus without it; null when too few to tell. */
  difference: number | null;
}

export interface DisputeWins {
  byChannel: ChannelWins[];
  byEvidence: EvidenceWins[];
}

/** A decided chargeback: an inquiry that closed (Stripe `warning_closed`, read as won) is no dispute won. */
const isDecided = (d: Dispute) => isChargeback(d) && (d.status === 'won' || d.status === 'lost');

function count(won: number, lost: number): WinCount {
  return { won, lost, winRate: won + lost ? won / (won + lost) : null };
}

/**
 * Decided disputes (won or lost) opened in `from`..`to` (ms, end exclusive). `channelOf` names the
 * channel of each order key (channelLabel); `ticked` holds, per dispute id, the checklist items
 * ticked now (null where the ticks are not known, as from exports: then no evidence rows). Channels
 * with the most decided first; items in the checklists' order.
 */
export function disputeWins(
  disputes: readonly Dispute[],
  from: number,
  to: number,
  channelOf: ReadonlyMap<string, string>,
  ticked: ReadonlyMap<string, ReadonlySet<string>> | null,
): DisputeWins {
  const decided = disputes.filter((d) => isDecided(d) && chargebackDate(d) >= from && chargebackDate(d) < to);

  const channels = new Map<string, [won: number, lost: number]>();
  for (const d of decided) {
    const c = channelOf.get(d.orderKey) ?? NO_CHANNEL;
    const n = channels.get(c) ?? [0, 0];
    n[d.status === 'won' ? 0 : 1]++;
    channels.set(c, n);
  }
  const byChannel = [...channels]
    .map(([channel, [won, lost]]) => ({ channel, ...count(won, lost) }))
    .sort((a, b) => b.won + b.lost - (a.won + a.lost) || a.channel.localeCompare(b.channel));

  if (!ticked) return { byChannel, byEvidence: [] };
  // Items in checklist order; an item on several checklists (the invoice, customer communication) is one row.
  const items = new Map<string, { families: ReasonFamily[]; with: [number, number]; without: [number, number] }>();
  for (const f of REASON_FAMILIES)
    for (const item of EVIDENCE[f]) {
      const row = items.get(item) ?? { families: [], with: [0, 0], without: [0, 0] };
      row.families.push(f);
      items.set(item, row);
    }
  for (const d of decided) {
    const has = ticked.get(d.id);
    for (const item of EVIDENCE[reasonFamily(d.network, d.reasonCode, d.reasonText)]) {
      const row = items.get(item)!;
      (has?.has(item) ? row.with : row.without)[d.status === 'won' ? 0 : 1]++;
    }
  }
  const byEvidence = [...items].map(([item, r]) => {
    const ticked = count(...r.with);
    const notTicked = count(...r.without);
    const tooFew = r.with[0] + r.with[1] < TOO_FEW_DECIDED || r.without[0] + r.without[1] < TOO_FEW_DECIDED;
    return { item, families: r.families, ticked, notTicked, tooFew, difference: tooFew ? null : ticked.winRate! - notTicked.winRate! };
  });
  return { byChannel, byEvidence };
}
