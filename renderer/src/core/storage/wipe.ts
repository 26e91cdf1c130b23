// Clearing the cache: every table but the ones analysts' decisions live in (KEPT_ON_WIPE).
import { KEPT_ON_WIPE, type WorkbenchDb } from './schema';

export async function wipeCache(db: WorkbenchDb): Promise<void> {
  const cleared = db.tables.filter((t) => !KEPT_ON_WIPE.includes(t.name));
  await db.transaction('rw', cleared, async () => {
    await Promise.all(cleared.map((t) => t.clear()));
  });
}
