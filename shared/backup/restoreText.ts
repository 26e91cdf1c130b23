// Words a restore uses in its dialog and in its log entry alike.

/** "3 decisions after entry 2", or "the 1 decision here (the backup holds none)". */
export function lostDecisionsText(plan: { lostDecisions: number; verifiedTo: number; keptTo?: number }): string {
  const n = `${plan.lostDecisions.toLocaleString('en-US')} decision${plan.lostDecisions === 1 ? '' : 's'}`;
  const after = plan.keptTo ?? plan.verifiedTo;
  return after > 0 ? `${n} after entry ${after.toLocaleString('en-US')}` : `the ${n} here (the backup holds none)`;
}

/**
 * What a restore does with the entries here it moves to the archive, by kind: decisions are set
 * aside (no longer in force); a clearing of the cache moves there with nothing to set aside (the
 * backup brings back what it removed); erasures on request and retention purges stay in force, as
 * the erasure register survives the restore and applies them again. A sentence per kind present.
 */
export function lostEntriesSentences(plan: {
  lostDecisions: number;
  lostErasures: { erasures: number; purges: number };
  lostClears: number;
  verifiedTo: number;
  keptTo?: number;
}): { decisions: string | null; clears: string | null; erasures: string | null } {
  const { erasures, purges } = plan.lostErasures;
  const clears = plan.lostClears;
  const decisions = Math.max(0, plan.lostDecisions - erasures - purges - clears);
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  let decisionsText: string | null = null;
  if (decisions > 0) {
    const text = lostDecisionsText({ ...plan, lostDecisions: decisions });
    decisionsText = `${text[0]!.toUpperCase()}${text.slice(1)} will be set aside: kept in the archive, no longer in force.`;
  }
  const clearsText =
    clears > 0
      ? clears === 1
        ? 'The clearing of the cache logged here moves to the archive: the backup brings back the data it removed.'
        : `The ${count(clears, 'clearing', 'clearings')} of the cache logged here move to the archive: the backup brings back the data they removed.`
      : null;
  let erasuresText: string | null = null;
  if (erasures + purges > 0) {
    const kinds = [
      ...(erasures ? [count(erasures, 'erasure on request', 'erasures on request')] : []),
      ...(purges ? [count(purges, 'retention purge', 'retention purges')] : []),
    ].join(' and ');
    const one = erasures + purges === 1;
    erasuresText =
      `The ${kinds} logged here stay${one ? 's' : ''} in force: ${one ? 'its log entry moves' : 'their log entries move'} to the archive, but the erasure register ` +
      `survives the restore and applies ${one ? 'it' : 'them'} again to the backup's data before it is written, so nothing erased comes back.`;
  }
  return { decisions: decisionsText, clears: clearsText, erasures: erasuresText };
}

/** "the 5 decisions a restore here set aside (entries 6–10)", brought back by a newer backup. */
export function revivedDecisionsText(r: { count: number; from: number; to: number }): string {
  const entries = r.from === r.to ? `entry ${r.from.toLocaleString('en-US')}` : `entries ${r.from.toLocaleString('en-US')}–${r.to.toLocaleString('en-US')}`;
  return `the ${r.count.toLocaleString('en-US')} decision${r.count === 1 ? '' : 's'} a restore here set aside (${entries})`;
}

/** "2 decisions this laptop has not seen (entries 4–5, by M. Novak, 2026-11-10 09:00 to 2026-11-12 17:30 UTC)". */
export function addedDecisionsText(a: { count: number; from: number; to: number; analysts: readonly string[]; firstAt: number; lastAt: number }): string {
  const n = `${a.count.toLocaleString('en-US')} decision${a.count === 1 ? '' : 's'} this laptop has not seen`;
  const entries = a.from === a.to ? `entry ${a.from}` : `entries ${a.from}–${a.to}`;
  const when = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  const span = a.firstAt === a.lastAt ? `${when(a.firstAt)} UTC` : `${when(a.firstAt)} to ${when(a.lastAt)} UTC`;
  return `${n} (${entries}, by ${a.analysts.join(', ')}, ${span})`;
}

const ROW_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  disputeEvents: ['dispute change', 'dispute changes'],
  matrices: ['scoring matrix version', 'scoring matrix versions'],
  reportSnapshots: ['report snapshot', 'report snapshots'],
  exportLog: ['export record', 'export records'],
  retentionSummaries: ['retention summary', 'retention summaries'],
  erasures: ['erasure record', 'erasure records'],
  ringMarks: ['ring verdict or note', 'ring verdicts and notes'],
  linkOverrides: ['link override', 'link overrides'],
  refundClaims: ['refund claim', 'refund claims'],
  disputeAttachments: ['attached file', 'attached files'],
};

/** "1 refund claim, 2 dispute changes": rows of other logs, by table, in the order given. */
export function otherRowsText(byTable: Readonly<Record<string, number>>): string {
  return Object.entries(byTable)
    .map(([table, n]) => {
      const [one, many] = ROW_NAMES[table] ?? [`${table} row`, `${table} rows`];
      return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
    })
    .join(', ');
}
