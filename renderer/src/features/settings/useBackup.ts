// Backup and restore from Settings: write an encrypted backup, read one back (checked in full and
// against the decision log's witnesses before anything changes), restore it, or clear the cache.
import { useState } from 'react';
import { isWrongPassphrase } from '../../../../shared/backup/container';
import { formatDecimal } from '../../../../shared/domain/money';
import { cache, progress } from '../../core/client';
import type { RestorePlan } from '../../core/contract';
import { exportFile } from '../../app/exportFile';
import { standingWitnesses, syncCheckpoint, witnessRestore } from '../../app/logWitness';
import { platform } from '../../platform';
import { useUi } from '../../state/uiStore';
import { messageOf, useActions } from '../../ui/useAsync';

export const BACKUP_FILTER = [{ name: 'Fraud Workbench backup', extensions: ['fwbackup', 'json'] }];

function backupName(now: Date): string {
  return `fraud-workbench-backup-${now.toISOString().slice(0, 16).replace(/[T:]/g, '-')}.fwbackup`;
}

/** "cut.fwbackup was not restored: The backup is cut off (…). Nothing in the cache was changed." */
export function refusalText(fileName: string, reason: string): string {
  const said = /Nothing was changed\.?$/.test(reason);
  return `${fileName} was not restored: ${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}.${said ? '' : ' Nothing in the cache was changed.'}`;
}

export type Step =
  | { kind: 'idle' }
  | { kind: 'backup-passphrase' }
  | { kind: 'restore-passphrase'; file: File }
  | { kind: 'confirm'; file: File; token: number; plan: RestorePlan }
  | { kind: 'wipe' };

export interface Progress {
  label: string;
  done: number;
  total: number;
}

type OnProgress = (done: number, total: number) => void;

export function useBackup() {
  const cacheChanged = useUi((s) => s.cacheChanged);
  const actions = useActions();
  const [busy, setBusy] = useState<Progress | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [reason, setReason] = useState('');

  /** Runs a step with its progress shown; the text it resolves to is the outcome to show. */
  async function run(label: string, job: (onProgress: OnProgress) => Promise<string | null>) {
    setBusy({ label, done: 0, total: 0 });
    setNote(null);
    const text = await actions.run(() => job((done, total) => setBusy({ label, done, total })));
    if (text) setNote(text);
    setBusy(null);
  }

  const reset = () => {
    setStep({ kind: 'idle' });
    setPass('');
    setPass2('');
    setReason('');
  };

  /**
   * A backup that cannot be read closes its dialog: typing a passphrase again cannot mend a file
   * cut off or damaged. Only a wrong passphrase leaves the dialog open for another try.
   */
  const refuse = (file: File, e: unknown): never => {
    if (isWrongPassphrase(e)) {
      setPass('');
      throw e;
    }
    reset();
    throw new Error(refusalText(file.name, messageOf(e)));
  };

  const inspect = async (file: File, passphrase: string | null, onProgress: OnProgress) => {
    await syncCheckpoint();
    try {
      const { token, plan } = await cache.inspectBackup(file, passphrase, await standingWitnesses(), progress(onProgress));
      setPass('');
      setStep({ kind: 'confirm', file, token, plan });
    } catch (e) {
      refuse(file, e);
    }
    return null;
  };

  return {
    busy,
    note,
    error: actions.error,
    step,
    setStep,
    pass,
    setPass,
    pass2,
    setPass2,
    reason,
    setReason,
    reset,
    backup: () =>
      run('Writing backup…', async (onProgress) => {
        const info = await platform.appInfo();
        const { blob, orders, logHead } = await cache.backup(pass, info.version, progress(onProgress));
        const name = backupName(new Date());
        reset();
        const saved = await exportFile({
          kind: 'backup',
          suggestedName: name,
          filters: BACKUP_FILTER,
          data: blob,
          rows: orders,
          what: `backup of the cache, decision log to entry ${logHead.seq}`,
        });
        return saved ? `Backup written: ${name} (${formatDecimal(blob.size / 1024 / 1024, 1)} MB, encrypted). Keep the passphrase apart from the file.` : null;
      }),
    chooseRestore: () =>
      run('Reading backup…', async (onProgress) => {
        const [file] = await platform.openFiles({ title: 'Restore from backup', filters: BACKUP_FILTER, multiple: false });
        if (!file) return null;
        // A file whose header or chunks are already cut off or damaged is refused before a passphrase is asked.
        const kind = await cache.backupKind(file).catch((e: unknown) => refuse(file, e));
        if (kind === 'container') {
          setStep({ kind: 'restore-passphrase', file });
          return null;
        }
        return inspect(file, null, onProgress);
      }),
    readEncrypted: (file: File) => run('Reading backup…', (onProgress) => inspect(file, pass, onProgress)),
    restore: (s: Extract<Step, { kind: 'confirm' }>) =>
      run('Restoring…', async () => {
        const entry = await cache.restore(s.token, reason);
        reset();
        cacheChanged();
        const problem = await witnessRestore(entry);
        return `Restored from ${s.file.name}; logged as entry ${entry.seq} of the decision log.${problem ? ` ${problem}` : ''}`;
      }),
    cancelRestore: () => {
      void cache.cancelRestore();
      reset();
    },
    wipe: () =>
      run('Clearing…', async () => {
        const entry = await cache.wipe();
        reset();
        cacheChanged();
        await syncCheckpoint();
        return `The local cache is empty; logged as entry ${entry.seq} of the decision log.`;
      }),
  };
}
