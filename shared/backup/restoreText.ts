// Words a restore uses in its dialog and in its log entry alike.

const counted = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * "3 decisions after entry 2", "2 decisions and 1 restore entry after entry 3", or "the 1 decision
 * here (the backup holds none)". An earlier restore's entry, a clearing of the cache, an erasure's
 * or a purge's among the entries set aside is named as what it is: a compliance reader counts
 * decisions by this text.
 */
export function lostDecisionsText(plan: {
  lostDecisions: number;
  lostRestores?: number;
  lostClears?: number;
  lostErasures?: { erasures: number; purges: number };
  verifiedTo: number;
  keptTo?: number;
}): string {
  const restores = plan.lostRestores ?? 0;
  const clears = plan.lostClears ?? 0;
  const { erasures, purges } = plan.lostErasures ?? { erasures: 0, purges: 0 };
  const decisions = Math.max(0, plan.lostDecisions - restores - clears - erasures - purges);
  const kinds = [
    ...(decisions || !(restores + clears + erasures + purges) ? [counted(decisions, 'decision', 'decisions')] : []),
    ...(restores ? [counted(restores, 'restore entry', 'restore entries')] : []),
    ...(clears ? [counted(clears, 'clearing of the cache', 'clearings of the cache')] : []),
    ...(erasures ? [counted(erasures, 'erasure on request', 'erasures on request')] : []),
    ...(purges ? [counted(purges, 'retention purge', 'retention purges')] : []),
  ];
  const n = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}` : kinds[0]!;
  const after = plan.keptTo ?? plan.verifiedTo;
  return after > 0 ? `${n} after entry ${after.toLocaleString('en-US')}` : `the ${n} here (the backup holds none)`;
}

/**
 * What a restore does with the entries here it moves to the archive, by kind: decisions (and
 * earlier restores' entries) are set aside, no longer in force; a clearing of the cache moves there
 * with nothing to set aside (the backup brings back what it removed); erasures on request and
 * retention purges stay in force, as the erasure register survives the restore and applies them
 * again. A sentence per kind present.
 */
export function lostEntriesSentences(plan: {
  lostDecisions: number;
  lostRestores?: number;
  lostErasures: { erasures: number; purges: number };
  lostClears: number;
  verifiedTo: number;
  keptTo?: number;
}): { decisions: string | null; clears: string | null; erasures: string | null } {
  const { erasures, purges } = plan.lostErasures;
  const clears = plan.lostClears;
  const setAside = Math.max(0, plan.lostDecisions - erasures - purges - clears);
  let decisionsText: string | null = null;
  if (setAside > 0) {
    const text = lostDecisionsText({ ...plan, lostDecisions: setAside, lostErasures: undefined, lostClears: undefined });
    decisionsText = `${text[0]!.toUpperCase()}${text.slice(1)} will be set aside: kept in the archive, no longer in force.`;
  }
  const clearsText =
    clears > 0
      ? clears === 1
        ? 'The clearing of the cache logged here moves to the archive: the backup brings back the data it removed.'
        : `The ${counted(clears, 'clearing', 'clearings')} of the cache logged here move to the archive: the backup brings back the data they removed.`
      : null;
  let erasuresText: string | null = null;
  if (erasures + purges > 0) {
    const kinds = [
      ...(erasures ? [counted(erasures, 'erasure on request', 'erasures on request')] : []),
      ...(purges ? [counted(purges, 'retention purge', 'retention purges')] : []),
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
export function addedDecisionsText(a: {
  count: number;
  /** Of them, entries of restores made where the backup was written: not decisions. */
  restores?: number;
  from: number;
  to: number;
  analysts: readonly string[];
  firstAt: number;
  lastAt: number;
}): string {
  const restores = a.restores ?? 0;
  const decisions = a.count - restores;
  const kinds = [
    ...(decisions || !restores ? [counted(decisions, 'decision', 'decisions')] : []),
    ...(restores ? [counted(restores, 'restore entry', 'restore entries')] : []),
  ];
  const n = `${kinds.join(' and ')} this laptop has not seen`;
  const entries = a.from === a.to ? `entry ${a.from}` : `entries ${a.from}–${a.to}`;
  const when = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  // Compared as shown, to the minute: seconds apart read "14:00 to 14:00".
  const span = when(a.firstAt) === when(a.lastAt) ? `${when(a.firstAt)} UTC` : `${when(a.firstAt)} to ${when(a.lastAt)} UTC`;
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
