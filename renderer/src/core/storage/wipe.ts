// Clearing the cache: the data imported or loaded as a demo (orders, payments, disputes, the
// import history, rings' verdicts and overrides, the indexes) goes; the tables analysts' decisions
// live in (KEPT_ON_WIPE) and this laptop's settings (META_ON_WIPE) stay. The kept key index is
// dropped with a new generation, so no index of the old orders is trusted.
import { invalidateKeyIndex } from './keyIndexStore';
import { META_ON_WIPE } from './metaRepository';
import { KEPT_ON_WIPE, type WorkbenchDb } from './schema';

/** The settings a wipe keeps: an unknown key (a retired setting) goes with the data. */
const KEPT_META = Object.entries(META_ON_WIPE).flatMap(([key, on]) => (on === 'kept' ? [key] : []));

export async function wipeCache(db: WorkbenchDb): Promise<void> {
  const cleared = db.tables.filter((t) => !KEPT_ON_WIPE.includes(t.name) && t.name !== 'keyIndex' && t.name !== 'meta');
  await db.transaction('rw', [...cleared, db.keyIndex, db.meta], async () => {
    await Promise.all(cleared.map((t) => t.clear()));
    await db.meta.where('key').noneOf(KEPT_META).delete();
    await invalidateKeyIndex(db);
  });
}
