// Append-only tables, enforced in Dexie's storage layer (DBCore middleware) so no code path of
// the app can update or delete an entry: not a put over an existing key, not delete, not clear.
// The exceptions are a whole-cache restore, which replaces the log by the backup's own (and
// verifiable) log, and an erasure, which blanks notes: each lifts the rule for its own
// transaction only (`replacingLogsHere`), never for the database while it runs.
import Dexie, { type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';

/** The storage transactions allowed to replace log rows; gone with them when they end. */
const replacing = new WeakSet<object>();

export class AppendOnlyError extends Error {
  constructor(table: string, what: string) {
    super(`The ${table} log is append-only: ${what} is not allowed`);
    this.name = 'AppendOnlyError';
  }
}

/**
 * Lifts the append-only rule for the transaction this is called in (a restore, an erasure), and
 * for no other: a write of another transaction running meanwhile (another window, a sync, a
 * stray clear) is refused as always. Call it first thing inside `db.transaction(...)`.
 */
export function replacingLogsHere(): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('Logs can be replaced only inside a transaction');
  replacing.add(trans);
}

export function appendOnly(tables: readonly string[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'appendOnly',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            if (replacing.has(req.trans)) return table.mutate(req);
            if (req.type === 'delete' || req.type === 'deleteRange') throw new AppendOnlyError(name, 'deleting entries');
            if (req.type === 'put') {
              const keys = req.keys ?? req.values.map((v) => (v as Record<string, unknown>)[table.schema.primaryKey.keyPath as string]);
              const existing = await table.getMany({ trans: req.trans, keys });
              if (existing.some((e) => e !== undefined)) throw new AppendOnlyError(name, 'changing an entry');
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
