// Backup of the whole cache to one file, restore from such a file, and clearing the cache.
import { useState } from 'react';
import { formatCount } from '../../../../shared/domain/money';
import { cache, progress } from '../../db/cacheClient';
import type { BackupSummary } from '../../db/backup';
import { platform } from '../../platform';
import { useUi } from '../../state/uiStore';

const BACKUP_FILTER = [{ name: 'Fraud Workbench backup', extensions: ['json'] }];

function backupName(now = new Date()): string {
  return `fraud-workbench-backup-${now.toISOString().slice(0, 16).replace(/[T:]/g, '-')}.json`;
}

type Pending = { file: File; summary: BackupSummary } | null;

// What each stored table means to an analyst; text blocks pair with order blocks and say nothing new.
const TABLE_LABEL: Record<string, string | null> = {
  orderBlocks: 'order blocks (up to 8,192 orders each)',
  orderText: null,
  payments: 'payments',
  disputes: 'disputes',
  meta: 'settings',
};

function describeBackup(summary: BackupSummary): string {
  const parts = summary.tables
    .filter((t) => t.rowCount > 0 && TABLE_LABEL[t.name] !== null)
    .map((t) => `${formatCount(t.rowCount)} ${TABLE_LABEL[t.name] ?? t.name}`);
  return parts.length ? parts.join(', ') : 'no data';
}

export function BackupPanel() {
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [confirmWipe, setConfirmWipe] = useState(false);

  async function run(label: string, job: () => Promise<string | null>) {
    setBusy(label);
    setMessage(null);
    try {
      const text = await job();
      if (text) setMessage({ kind: 'ok', text });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const backup = () =>
    run('Writing backup…', async () => {
      const blob = await cache.backup(progress(() => undefined));
      const name = backupName();
      const saved = await platform.saveFile({ suggestedName: name, filters: BACKUP_FILTER, data: blob });
      return saved ? `Backup written: ${name} (${(blob.size / 1024 / 1024).toFixed(1)} MB)` : null;
    });

  const chooseRestore = () =>
    run('Reading backup…', async () => {
      const [file] = await platform.openFiles({ title: 'Restore from backup', filters: BACKUP_FILTER, multiple: false });
      if (!file) return null;
      setPending({ file, summary: await cache.inspectBackup(file) });
      return null;
    });

  const restore = (p: NonNullable<Pending>) =>
    run('Restoring…', async () => {
      await cache.restore(p.file);
      setPending(null);
      cacheChanged();
      return `Restored from ${p.file.name}`;
    });

  const wipe = () =>
    run('Clearing…', async () => {
      await cache.wipe();
      setConfirmWipe(false);
      cacheChanged();
      return 'The local cache is empty.';
    });

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p className="muted">
        A backup is one JSON file with every order, payment, dispute and setting in the cache. Keep it somewhere your company
        backs up; it holds personal data.
      </p>
      <div className="actions">
        <button onClick={backup} disabled={busy !== null}>
          Back up to file…
        </button>
        <button onClick={chooseRestore} disabled={busy !== null}>
          Restore from file…
        </button>
        <button className="danger" onClick={() => setConfirmWipe(true)} disabled={busy !== null}>
          Clear local cache…
        </button>
      </div>
      {pending && (
        <div className="confirm" role="dialog" aria-label="Confirm restore">
          <p>
            <strong>{pending.file.name}</strong> holds{' '}
            {describeBackup(pending.summary)}
            . Restoring replaces everything in the local cache.
          </p>
          <button className="primary" onClick={() => restore(pending)} disabled={busy !== null}>
            Replace cache with this backup
          </button>
          <button onClick={() => setPending(null)} disabled={busy !== null}>
            Cancel
          </button>
        </div>
      )}
      {confirmWipe && (
        <div className="confirm" role="dialog" aria-label="Confirm clearing the cache">
          <p>This deletes every order, payment, dispute and setting on this computer. Review decisions and dispute histories are kept: those logs are append-only. Make a backup first if you may need the rest.</p>
          <button className="danger" onClick={wipe} disabled={busy !== null}>
            Delete everything
          </button>
          <button onClick={() => setConfirmWipe(false)} disabled={busy !== null}>
            Cancel
          </button>
        </div>
      )}
      {busy && <p role="status">{busy}</p>}
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
