// Append-only tables, enforced in Dexie's storage layer (DBCore middleware) so no code path of
// the app can update or delete an entry: not a put over an existing key, not delete, not clear.
// The one exception is a whole-cache restore, which replaces the log by the backup's own (and
// verifiable) log inside `replacingLogs`.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

const replacing = new Set<string>();

export class AppendOnlyError extends Error {
  constructor(table: string, what: string) {
    super(`The ${table} log is append-only: ${what} is not allowed`);
    this.name = 'AppendOnlyError';
  }
}

/** Runs `job` (a restore) with the append-only rule lifted for the database named `dbName`. */
export async function replacingLogs<T>(dbName: string, job: () => Promise<T>): Promise<T> {
  replacing.add(dbName);
  try {
    return await job();
  } finally {
    replacing.delete(dbName);
  }
}

export function appendOnly(dbName: string, tables: readonly string[]): Middleware<DBCore> {
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
            if (replacing.has(dbName)) return table.mutate(req);
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
