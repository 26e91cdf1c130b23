// A disk that fills up, for fake-indexeddb tests: a Dexie DBCore middleware that lets a number
// of writes to one table through, then fails adds and puts the way a browser at its quota does.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { WorkbenchDb } from '../../renderer/src/core/storage/schema';

/** The error IndexedDB aborts a transaction with when the origin's quota is used up. */
export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

export interface FullDisk {
  /** Writes to the watched table that went through. */
  writesStored: number;
  full: boolean;
  /** The analyst frees disk space: every write goes through from now on. */
  free(): void;
}

/**
 * After `writes` writes to `table` (0: from the start), the disk is full: the next write to
 * `table` fails, and so does every later write to the tables in `alsoFails` ('*' for all of
 * them). Install it before the database opens.
 */
export function diskFillsUp(db: WorkbenchDb, table: string, writes: number, alsoFails: readonly string[] | '*' = []): FullDisk {
  let room = writes;
  const state: FullDisk = {
    writesStored: 0,
    full: writes <= 0,
    free: () => {
      state.full = false;
      room = Infinity;
    },
  };
  const fails = (name: string) => name === table || alsoFails === '*' || alsoFails.includes(name);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'diskFillsUp',
    create: (down) => ({
      ...down,
      table: (name): DBCoreTable => {
        const inner = down.table(name);
        return {
          ...inner,
          mutate: async (req: DBCoreMutateRequest) => {
            // Deleting never needs room; adding and replacing do.
            if (req.type === 'delete' || req.type === 'deleteRange') return inner.mutate(req);
            if (name === table && !state.full) {
              if (state.writesStored >= room) state.full = true;
              else {
                const result = await inner.mutate(req);
                state.writesStored++;
                return result;
              }
            }
            if (state.full && fails(name)) throw quotaError();
            return inner.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
  return state;
}
