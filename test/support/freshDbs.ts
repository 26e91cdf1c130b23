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

/**
 * Windows onto caches by name (the same name twice: two windows onto one cache), the analyst named
 * in each; all closed, then deleted, after each test.
 */
export function analystWindows(analyst = 'K. Weber'): (name: string) => Promise<WorkbenchDb> {
  const opened: WorkbenchDb[] = [];
  afterEach(async () => {
    const dbs = opened.splice(0);
    for (const db of dbs) db.close();
    for (const db of dbs) await db.delete();
  });
  return async (name) => {
    const db = createDb(name);
    opened.push(db);
    await db.meta.put({ key: 'analystName', value: analyst });
    return db;
  };
}
