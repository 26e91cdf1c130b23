// Clearing the cache: every table but the ones analysts' decisions live in (KEPT_ON_WIPE). The
// kept key index is dropped with a new generation, so no index of the old orders is trusted.
import { invalidateKeyIndex } from './keyIndexStore';
import { KEPT_ON_WIPE, type WorkbenchDb } from './schema';

export async function wipeCache(db: WorkbenchDb): Promise<void> {
  const cleared = db.tables.filter((t) => !KEPT_ON_WIPE.includes(t.name) && t.name !== 'keyIndex');
  await db.transaction('rw', [...cleared, db.keyIndex], async () => {
    await Promise.all(cleared.map((t) => t.clear()));
    await invalidateKeyIndex(db);
  });
}
