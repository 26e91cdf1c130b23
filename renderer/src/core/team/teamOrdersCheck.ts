// Can this laptop prove it holds the team's orders? Its live orders from team imports, as a
// digest, against the one the author of the last operation it applied reported; the team's
// operations it lacks and its own not yet shared, named by file.
import { buildLiveDigest, compareLiveDigests, entryIdOf, keyIdOf, keyIdOfEntry, type LiveDigest } from '../../../../shared/team';
import { liveOrderStamps, orderKeysWritten } from '../storage/liveOrderStamps';
import type { TeamOpRecord, WorkbenchDb } from '../storage/schema';

/** The digest of the live orders written by the team's applied operations (and `alsoOps`, about to be). */
export async function liveDigestHere(db: WorkbenchDb, alsoOps: readonly string[]): Promise<LiveDigest> {
  const ops = await db.teamOps.filter((o) => o.applied && o.importId !== null && (o.state === 'shared' || alsoOps.includes(o.opId))).toArray();
  return buildLiveDigest(
    await liveOrderStamps(
      db,
      ops.map((o) => o.importId!),
    ),
  );
}

export interface TeamOrdersCheck {
  /** The last team operation applied here, and the latest the team has. */
  appliedSeq: number;
  latestSeq: number;
  /** Team imports (and undos) not in this cache yet. */
  missing: { fileName: string; by: string; kind: 'import' | 'undo' }[];
  /** Imports made here that the team does not have (waiting, or refused: no right to import for the team). */
  notShared: { fileName: string; state: TeamOpRecord['state']; problem: string | null }[];
  /** Against the digest the author of operation `appliedSeq` reported: null when it cannot be counted, 0 when equal. */
  comparedWith: { fileName: string; by: string; kind: 'import' | 'undo' } | null;
  ordersDiffer: number | null;
  /**
   * Up to 20 of the orders that differ (order keys): held here in a version the team does not
   * have, or written by a team import and not live here in the team's version (changed by an
   * import made while signed out, say).
   */
  differingHere: string[];
}

export async function checkTeamOrders(db: WorkbenchDb, appliedSeq: number, latestSeq: number): Promise<TeamOrdersCheck> {
  const ops = await db.teamOps.toArray();
  const ordered = ops.filter((o) => o.seq !== null).sort((a, b) => a.seq! - b.seq!);
  const undone = new Set(ordered.filter((o) => o.kind === 'undo').map((o) => o.undoes));
  const missing = ordered
    .filter((o) => o.seq! > appliedSeq || (!o.applied && !(o.kind === 'import' && undone.has(o.opId))))
    .map((o) => ({ fileName: o.fileName, by: o.by, kind: o.kind }));
  const notShared = ops
    .filter((o) => o.state === 'waiting' || o.state === 'refused')
    .map((o) => ({ fileName: o.fileName, state: o.state, problem: o.problem }));
  const at = ordered.find((o) => o.seq === appliedSeq);
  if (!at?.liveDigest) return { appliedSeq, latestSeq, missing, notShared, comparedWith: null, ordersDiffer: null, differingHere: [] };
  const teamImports = ops.filter((o) => o.applied && o.importId !== null && o.state === 'shared').map((o) => o.importId!);
  const entries = await liveOrderStamps(db, teamImports);
  const comparison = compareLiveDigests(buildLiveDigest(entries), at.liveDigest);
  // The server's copy of the author's digest did not read: nothing can be said of the orders, and that is said.
  if ('error' in comparison) throw new Error(`The team's digest after ${at.fileName} cannot be read: ${comparison.error}`);
  const mineOnly = new Set(comparison.mineOnly);
  const differingHere = mineOnly.size === 0 ? [] : entries.filter((e) => mineOnly.has(entryIdOf(e.key, e.stamp))).map((e) => e.key);
  // The team's versions this laptop lacks, named by the key half of their entry ids among the keys the team's imports wrote here.
  const theirsOnly = new Set(comparison.theirsOnly.map(keyIdOfEntry));
  const written = theirsOnly.size === 0 ? [] : [...(await orderKeysWritten(db, teamImports))];
  differingHere.push(...written.filter((key) => theirsOnly.has(keyIdOf(key))));
  return {
    appliedSeq,
    latestSeq,
    missing,
    notShared,
    comparedWith: { fileName: at.fileName, by: at.by, kind: at.kind },
    ordersDiffer: comparison.same ? 0 : comparison.ordersDiffer,
    differingHere: [...new Set(differingHere)].slice(0, 20),
  };
}
