// New caches for one test file, each under its own name, all closed and deleted after each test.
import { afterEach } from 'vitest';
import { createDb, type WorkbenchDb } from '../../renderer/src/core/storage/schema';

export function freshDbs(prefix: string): () => WorkbenchDb {
  const dbs: WorkbenchDb[] = [];
  let n = 0;
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return () => {
    const db = createDb(`${prefix}-${n++}`);
    dbs.push(db);
    return db;
  };
}
