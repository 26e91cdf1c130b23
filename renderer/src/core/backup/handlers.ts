// The Backup room: write the cache into one encrypted file; read and check a backup in full,
// show what restoring it would do, and restore it in one transaction when the analyst agrees.
import type { DecisionEntry, LogHead } from '../../../../shared/decisions/chain';
import type { Witness } from '../../../../shared/decisions/witness';
import { DiskFullError, isDiskFull } from '../storage/diskFull';
import type { CoreContext, ProgressFn } from '../context';
import { applyRestore, checkBackupFile, planRestore, readBackup, writeBackup, type PendingRestore, type RestorePlan } from '.';

export type BackupKind = 'container' | 'legacy-json' | 'other';

export function backupHandlers(ctx: CoreContext) {
  let tokens = 0;
  let waiting: { token: number; pending: PendingRestore } | null = null;
  return {
    /** Writes the whole cache into one encrypted file; the header names the decision log's head. */
    async backup(passphrase: string, appVersion: string, onProgress?: ProgressFn): Promise<{ blob: Blob; orders: number; logHead: LogHead }> {
      const { blob, manifest } = await writeBackup(ctx.db, { passphrase, appVersion, clock: ctx.clock, ...(onProgress ? { onProgress } : {}) });
      return { blob, orders: manifest.counts['orders'] ?? 0, logHead: manifest.logHead };
    },

    /**
     * Reads and checks a backup in full and relates it to this laptop's log and the witnesses the
     * window brings; nothing is changed. The restore waits for the analyst under the returned token.
     */
    async inspectBackup(
      file: Blob,
      passphrase: string | null,
      witnesses: Witness[] = [],
      onProgress?: ProgressFn,
    ): Promise<{ token: number; plan: RestorePlan }> {
      const staged = await readBackup(file, passphrase, onProgress);
      const pending = await planRestore(ctx.db, staged, witnesses, ctx.clock);
      waiting = { token: ++tokens, pending };
      return { token: waiting.token, plan: pending.plan };
    },

    /** Restores the inspected backup in one transaction; returns the logged restore entry. */
    async restore(token: number, reason: string): Promise<DecisionEntry> {
      const w = waiting;
      if (!w || w.token !== token) throw new Error('Choose the backup again: the one inspected is no longer waiting');
      let entry: DecisionEntry;
      try {
        entry = await applyRestore(ctx.db, w.pending, { reason, clock: ctx.clock });
      } catch (e) {
        // The restore is one transaction: nothing of a backup the disk could not hold was stored.
        if (isDiskFull(e)) throw new DiskFullError({ kind: 'restore' }, { cause: e });
        throw e;
      }
      waiting = null;
      ctx.rings.invalidate();
      await ctx.reopen();
      return entry;
    },

    /**
     * What kind of file the analyst chose: this app's encrypted container, an older JSON backup, or
     * neither. A container whose header or chunks show it cut off or damaged is refused (rejects).
     */
    backupKind: (file: Blob): Promise<BackupKind> => checkBackupFile(file),

    cancelRestore(): void {
      waiting = null;
    },
  };
}

export type BackupHandlers = ReturnType<typeof backupHandlers>;
