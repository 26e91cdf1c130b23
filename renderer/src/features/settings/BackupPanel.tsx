// Backup of the whole cache to one encrypted file, restore from such a file (checked in full,
// related to the decision log and its witnesses, then all or nothing), and clearing the cache.
import { useState } from 'react';
import { formatCount } from '../../../../shared/domain/money';
import { cache, progress } from '../../core/client';
import type { RestorePlan } from '../../core/contract';
import { exportFile } from '../../app/exportFile';
import { standingWitnesses, syncCheckpoint, witnessRestore } from '../../app/logWitness';
import { platform } from '../../platform';
import { useUi } from '../../state/uiStore';
import { ErrorAlert } from '../../app/Alerts';

const BACKUP_FILTER = [{ name: 'Fraud Workbench backup', extensions: ['fwbackup', 'json'] }];
const MIN_PASSPHRASE = 10;

function backupName(now: Date): string {
  return `fraud-workbench-backup-${now.toISOString().slice(0, 16).replace(/[T:]/g, '-')}.fwbackup`;
}

const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

type Step =
  | { kind: 'idle' }
  | { kind: 'backup-passphrase' }
  | { kind: 'restore-passphrase'; file: File }
  | { kind: 'confirm'; file: File; token: number; plan: RestorePlan }
  | { kind: 'wipe' };

export function BackupPanel() {
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [busy, setBusy] = useState<{ label: string; done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [reason, setReason] = useState('');

  async function run(label: string, job: (onProgress: (done: number, total: number) => void) => Promise<string | null>) {
    setBusy({ label, done: 0, total: 0 });
    setMessage(null);
    try {
      const text = await job((done, total) => setBusy({ label, done, total }));
      if (text) setMessage({ kind: 'ok', text });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const reset = () => {
    setStep({ kind: 'idle' });
    setPass('');
    setPass2('');
    setReason('');
  };

  const backup = () =>
    run('Writing backup…', async (onProgress) => {
      const info = await platform.appInfo();
      const { blob, orders, logHead } = await cache.backup(pass, info.version, progress(onProgress));
      const name = backupName(new Date());
      reset();
      const saved = await exportFile({ kind: 'backup', suggestedName: name, filters: BACKUP_FILTER, data: blob, rows: orders, what: `backup of the cache, decision log to entry ${logHead.seq}` });
      return saved ? `Backup written: ${name} (${(blob.size / 1024 / 1024).toFixed(1)} MB, encrypted). Keep the passphrase apart from the file.` : null;
    });

  const chooseRestore = () =>
    run('Reading backup…', async (onProgress) => {
      const [file] = await platform.openFiles({ title: 'Restore from backup', filters: BACKUP_FILTER, multiple: false });
      if (!file) return null;
      if ((await cache.backupKind(file)) === 'container') {
        setStep({ kind: 'restore-passphrase', file });
        return null;
      }
      await inspect(file, null, onProgress);
      return null;
    });

  const inspect = async (file: File, passphrase: string | null, onProgress: (done: number, total: number) => void) => {
    await syncCheckpoint();
    const { token, plan } = await cache.inspectBackup(file, passphrase, await standingWitnesses(), progress(onProgress));
    setPass('');
    setStep({ kind: 'confirm', file, token, plan });
  };

  const restore = (s: Extract<Step, { kind: 'confirm' }>) =>
    run('Restoring…', async () => {
      const entry = await cache.restore(s.token, reason);
      reset();
      cacheChanged();
      const problem = await witnessRestore(entry);
      return `Restored from ${s.file.name}; logged as entry ${entry.seq} of the decision log.${problem ? ` ${problem}` : ''}`;
    });

  const wipe = () =>
    run('Clearing…', async () => {
      await cache.wipe();
      reset();
      cacheChanged();
      return 'The local cache is empty.';
    });

  const idle = busy === null;
  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p className="muted">
        A backup is one file with every order, payment, dispute, decision and setting in the cache, compressed and encrypted with a
        passphrase you choose. It holds personal data: keep it where your company keeps such files, and the passphrase apart from it.
      </p>
      <div className="actions">
        <button onClick={() => (reset(), setStep({ kind: 'backup-passphrase' }))} disabled={!idle}>
          Back up to file…
        </button>
        <button onClick={() => (reset(), chooseRestore())} disabled={!idle}>
          Restore from file…
        </button>
        <button className="danger" onClick={() => setStep({ kind: 'wipe' })} disabled={!idle}>
          Clear local cache…
        </button>
      </div>
      {step.kind === 'backup-passphrase' && (
        <form
          className="confirm"
          role="dialog"
          aria-label="Back up the cache"
          onSubmit={(e) => {
            e.preventDefault();
            void backup();
          }}
        >
          <p>Choose a passphrase of at least {MIN_PASSPHRASE} characters. Without it the backup cannot be read, by anyone.</p>
          <input type="password" aria-label="Backup passphrase" autoComplete="new-password" autoFocus value={pass} onChange={(e) => setPass(e.target.value)} size={28} />
          <input type="password" aria-label="Repeat the passphrase" autoComplete="new-password" value={pass2} onChange={(e) => setPass2(e.target.value)} size={28} />
          <button type="submit" className="primary" disabled={!idle || pass.length < MIN_PASSPHRASE || pass !== pass2}>
            Write backup
          </button>
          <button type="button" onClick={reset}>
            Cancel
          </button>
          {pass2 && pass !== pass2 && <span className="muted">The two passphrases differ.</span>}
        </form>
      )}
      {step.kind === 'restore-passphrase' && (
        <form
          className="confirm"
          role="dialog"
          aria-label="Backup passphrase"
          onSubmit={(e) => {
            e.preventDefault();
            void run('Reading backup…', async (onProgress) => {
              await inspect(step.file, pass, onProgress);
              return null;
            });
          }}
        >
          <p>
            <strong>{step.file.name}</strong> is encrypted. Enter the passphrase it was written with; it is read and checked in full before
            anything changes.
          </p>
          <input type="password" aria-label="Passphrase of the backup" autoComplete="current-password" autoFocus value={pass} onChange={(e) => setPass(e.target.value)} size={28} />
          <button type="submit" className="primary" disabled={!idle || pass.length === 0}>
            Read backup
          </button>
          <button type="button" onClick={reset}>
            Cancel
          </button>
        </form>
      )}
      {step.kind === 'confirm' && <RestoreConfirm step={step} reason={reason} setReason={setReason} busy={!idle} onRestore={() => restore(step)} onCancel={() => (void cache.cancelRestore(), reset())} />}
      {step.kind === 'wipe' && (
        <div className="confirm" role="dialog" aria-label="Confirm clearing the cache">
          <p>
            This deletes every order, payment, dispute and setting on this computer. Review decisions, dispute histories, snapshots and the
            export log are kept: those logs are append-only. Make a backup first if you may need the rest.
          </p>
          <button className="danger" onClick={wipe} disabled={!idle}>
            Delete everything
          </button>
          <button onClick={reset} disabled={!idle}>
            Cancel
          </button>
        </div>
      )}
      {busy && (
        <div className="progress" role="status">
          <span>{busy.label}</span>
          {busy.total > 0 && (
            <>
              <progress max={busy.total} value={busy.done} aria-label={busy.label} />
              <span>{Math.floor((100 * busy.done) / busy.total)} %</span>
            </>
          )}
        </div>
      )}
      {message?.kind === 'ok' && <p className="ok" role="status">{message.text}</p>}
      <ErrorAlert message={message?.kind === 'error' ? message.text : null} />
    </section>
  );
}

function RestoreConfirm(props: { step: Extract<Step, { kind: 'confirm' }>; reason: string; setReason(r: string): void; busy: boolean; onRestore(): void; onCancel(): void }) {
  const { plan, file } = props.step;
  const written = plan.createdAt ? ` was written ${utc(plan.createdAt)}${plan.createdBy ? ` by ${plan.createdBy}` : ''}` : ' is a backup of an earlier version of the app';
  const witnessed = plan.witnessedBy.length ? ` and matches ${plan.witnessedBy.join(', ')}` : '';
  return (
    <div className="confirm" role="dialog" aria-label="Confirm restore">
      <p data-testid="restore-summary">
        <strong>{file.name}</strong>
        {written}. It holds {plan.summary}; {plan.verifiedTo > 0 ? `its decision log verified to entry ${formatCount(plan.verifiedTo)}${witnessed}` : 'no decisions'}.
      </p>
      {plan.lostDecisions > 0 && (
        <p data-testid="restore-loss" className="error">
          {formatCount(plan.lostDecisions)} decision{plan.lostDecisions === 1 ? '' : 's'} after entry {formatCount(plan.verifiedTo)} will be set aside: kept in the archive, no longer in force.
        </p>
      )}
      {plan.keptOther > 0 && <p>{formatCount(plan.keptOther)} other logged change{plan.keptOther === 1 ? '' : 's'} made here since (exports, snapshots, dispute changes) stay, after the backup's own.</p>}
      {plan.lostOther > 0 && <p>{formatCount(plan.lostOther)} other logged change{plan.lostOther === 1 ? '' : 's'} clash with the backup's and will be kept in the archive.</p>}
      <p>Restoring replaces everything in the local cache and is logged in the decision log under your name.</p>
      {plan.needsReason && (
        <input aria-label="Why restore this older backup" placeholder="Why restore this older backup? (logged)" value={props.reason} onChange={(e) => props.setReason(e.target.value)} size={50} autoFocus />
      )}
      <button className="primary" onClick={props.onRestore} disabled={props.busy || (plan.needsReason && !props.reason.trim())}>
        Replace cache with this backup
      </button>
      <button onClick={props.onCancel} disabled={props.busy}>
        Cancel
      </button>
    </div>
  );
}
