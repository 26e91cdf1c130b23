// A full disk, wherever the cache writes: recognises the quota error under the wrappings
// IndexedDB and Dexie give it, and says in one message what happened, what was kept and what to do.
import { formatCount } from '../../../../shared/domain/money';

/** What the analyst can do about it, the same everywhere. */
const WHAT_TO_DO = 'Free disk space, or back up (Settings → Back up to file…) and clear the cache (Settings → Clear local cache…)';

/** The write a full disk cut short, and what of it was stored. */
export type CutShortWrite =
  | { kind: 'import'; file: string; rowsStored: number }
  | { kind: 'demo'; ordersStored: number; ordersPlanned: number }
  | { kind: 'restore' }
  /** One change made in one transaction (`what` reads "the decision", "the settings"...). */
  | { kind: 'change'; what: string };

export class DiskFullError extends Error {
  constructor(write: CutShortWrite, options?: { cause?: unknown }) {
    super(diskFullMessage(write), options);
    this.name = 'DiskFullError';
  }
}

const QUOTA_NAMES: readonly string[] = ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 'NS_ERROR_DOM_QUOTA_REACHED'];

interface ErrorLike {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/**
 * True when `e` is, or wraps, the storage quota error: a DOMException named QuotaExceededError
 * (code 22), Dexie's QuotaExceededError, or a Dexie AbortError / BulkError carrying one (a
 * transaction the quota aborted). Older engines' names for it (Safari, Firefox) count too.
 */
export function isDiskFull(e: unknown, depth = 0): boolean {
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  if (e instanceof DiskFullError) return true;
  if (typeof DOMException !== 'undefined' && e instanceof DOMException && e.code === 22) return true;
  const err = e as ErrorLike;
  if (typeof err.name === 'string' && QUOTA_NAMES.includes(err.name)) return true;
  if (Array.isArray(err.failures) && err.failures.some((f) => isDiskFull(f, depth + 1))) return true;
  return isDiskFull(err.inner, depth + 1) || isDiskFull(err.cause, depth + 1);
}

export function diskFullMessage(write: CutShortWrite): string {
  const full = 'The disk is full';
  switch (write.kind) {
    case 'import': {
      const kept = write.rowsStored > 0 ? `The first ${formatCount(write.rowsStored)} rows were stored; the rest were not.` : 'None of its rows were stored.';
      return `${full}: the import of ${write.file} stopped. ${kept} The import shows as interrupted and can be undone or run again. ${WHAT_TO_DO}.`;
    }
    case 'demo':
      return `${full}: the demo data did not fit. ${formatCount(write.ordersStored)} of ${formatCount(write.ordersPlanned)} orders were stored; the rest were not. Clear the cache (Settings → Clear local cache…) and load a smaller demo, or free disk space first.`;
    case 'restore':
      // dexie-export-import empties the tables before its (all-or-nothing) import transaction.
      return `${full}: the backup could not be restored. A restore is written in one step, so nothing changed: the cache is as it was. Free disk space, then restore the backup again.`;
    case 'change':
      return `${full}: ${write.what} could not be saved; nothing changed. ${WHAT_TO_DO}, then try again.`;
    default: {
      const never: never = write;
      return never;
    }
  }
}

/** Runs one write; a full disk comes out as a DiskFullError saying `what` could not be saved. */
export async function savingOrDiskFull<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isDiskFull(e) && !(e instanceof DiskFullError)) throw new DiskFullError({ kind: 'change', what }, { cause: e });
    throw e;
  }
}

/**
 * Waits for writes issued together in one transaction. When any fails, throws the disk-full failure
 * among them if there is one (its siblings then fail only because the transaction aborted), else the
 * first failure: a full disk is never reported as an aborted transaction.
 */
export async function writesTogether(writes: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(writes);
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((f) => isDiskFull(f)) ?? failures[0];
}
