// Clearing the cache: the data imported or loaded as a demo (orders, payments, disputes, the
// import history, rings' verdicts and overrides, the indexes) goes; the tables analysts' decisions
// live in (KEPT_ON_WIPE) and this laptop's settings (META_ON_WIPE) stay. The kept key index is
// dropped with a new generation, so no index of the old orders is trusted. The decision log gets an
// entry saying who cleared it, when and what went, written in the same transaction as the clearing:
// neither happens without the other.
import { chainEntry, sameHead, type DecisionEntry, type LogHead } from '../../../../shared/decisions/chain';
import { clearedCacheNote, verdictsThatStood, type ClearedCache } from '../../../../shared/decisions/clearedCache';
import { assertStorableEntry } from '../../../../shared/decisions/schema';
import { overrideStatuses } from '../../../../shared/linking/overrideHistory';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { invalidateKeyIndex } from './keyIndexStore';
import { analystName, META_ON_WIPE } from './metaRepository';
import { PaymentStore } from './paymentStore';
import { KEPT_ON_WIPE, type WorkbenchDb } from './schema';

/** The settings a wipe keeps: an unknown key (a retired setting) goes with the data. */
const KEPT_META = Object.entries(META_ON_WIPE).flatMap(([key, on]) => (on === 'kept' ? [key] : []));

/** Tables a wipe clears: all but the kept ones; the key index and the settings are handled apart. */
function clearedTables(db: WorkbenchDb) {
  return db.tables.filter((t) => !KEPT_ON_WIPE.includes(t.name) && t.name !== 'keyIndex' && t.name !== 'meta');
}

/** What the cache holds that a wipe removes. Reads only tables the wipe clears, so it runs inside its transaction too. */
async function whatGoes(db: WorkbenchDb): Promise<ClearedCache> {
  let orders = 0;
  await db.orderBlocks.each((b) => {
    for (const v of b.live) orders += v;
  });
  const [payments, disputes, imports, marks, overrides] = await Promise.all([
    new PaymentStore(db).count(),
    db.disputes.count(),
    db.imports.count(),
    db.ringMarks.toArray(),
    db.linkOverrides.toArray(),
  ]);
  return {
    orders,
    payments,
    disputes,
    imports,
    ringMarks: marks.length,
    linkOverrides: overrides.length,
    verdicts: verdictsThatStood(marks),
    overrides: overrideStatuses(overrides.map((o) => ({ ...o, id: o.id! })))
      .filter((o) => o.active)
      .map((o) => ({ id: o.id, type: o.type, action: o.action, analyst: o.analyst, at: o.createdAt })),
  };
}

/**
 * Clears the cache and logs it, or does neither. The entry is hashed outside the transaction
 * (WebCrypto is not an IndexedDB operation); inside it, the log's head and what goes are read
 * again, and anything changed since (a decision, an import's batch, a verdict, in any window)
 * starts it over, so the entry always counts exactly what was cleared.
 */
export async function wipeCache(db: WorkbenchDb, clock: Clock = systemClock): Promise<DecisionEntry> {
  // Nothing is cleared without a name to log it under (NoAnalystError).
  const analyst = await analystName(db);
  const cleared = clearedTables(db);
  for (let attempt = 0; attempt < 20; attempt++) {
    const [head, goes] = await db.transaction('r', [db.decisionHead, ...cleared], async () => [
      ((await db.decisionHead.get('head')) ?? null) as LogHead | null,
      await whatGoes(db),
    ]);
    const entry = await chainEntry(
      {
        orderKey: '',
        decision: 'clear-cache',
        reasonCode: '',
        note: clearedCacheNote(goes),
        analyst,
        at: clock.now(),
        score: null,
        matrixVersion: null,
        undoes: null,
      },
      head,
    );
    assertStorableEntry(entry);
    const done = await db.transaction('rw', [...cleared, db.keyIndex, db.meta, db.decisions, db.decisionHead], async () => {
      if (!sameHead(await db.decisionHead.get('head'), head)) return false;
      if (JSON.stringify(await whatGoes(db)) !== JSON.stringify(goes)) return false;
      await Promise.all(cleared.map((t) => t.clear()));
      await db.meta.where('key').noneOf(KEPT_META).delete();
      await invalidateKeyIndex(db);
      await db.decisions.add(entry);
      await db.decisionHead.put({ key: 'head', seq: entry.seq, hash: entry.hash });
      return true;
    });
    if (done) return entry;
  }
  throw new Error('The cache kept changing while it was being cleared (an import or a decision in another window); nothing was cleared. Try again.');
}
