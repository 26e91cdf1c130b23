// Backup of the whole cache to one encrypted file, restore from such a file (checked in full,
// related to the decision log and its witnesses, then all or nothing), and clearing the cache.
import { ErrorAlert } from '../../app/Alerts';
import { BackupPassphraseForm, RestoreConfirm, RestorePassphraseForm, WipeConfirm } from './BackupForms';
import { useBackup, type Progress } from './useBackup';
import { useAskedAction } from '../../ui/useAskedAction';

export function BackupPanel() {
  const b = useBackup();
  const { step } = b;
  const idle = b.busy === null;
  // Chosen in the command palette: the dialog it names opens here.
  useAskedAction('backup', () => idle && (b.reset(), b.setStep({ kind: 'backup-passphrase' })));
  useAskedAction('restore', () => idle && (b.reset(), void b.chooseRestore()));
  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p className="muted">
        A backup is one file with every order, payment, dispute, decision and setting in the cache, compressed and encrypted with a passphrase you choose. It
        holds personal data: keep it where your company keeps such files, and the passphrase apart from it.
      </p>
      <div className="actions">
        <button onClick={() => (b.reset(), b.setStep({ kind: 'backup-passphrase' }))} disabled={!idle}>
          Back up to file…
        </button>
        <button onClick={() => (b.reset(), b.chooseRestore())} disabled={!idle}>
          Restore from file…
        </button>
        <button className="danger" onClick={() => b.setStep({ kind: 'wipe' })} disabled={!idle}>
          Clear local cache…
        </button>
      </div>
      {step.kind === 'backup-passphrase' && (
        <BackupPassphraseForm
          pass={b.pass}
          setPass={b.setPass}
          pass2={b.pass2}
          setPass2={b.setPass2}
          busy={!idle}
          onWrite={() => void b.backup()}
          onCancel={b.reset}
        />
      )}
      {step.kind === 'restore-passphrase' && (
        <RestorePassphraseForm
          file={step.file}
          pass={b.pass}
          setPass={b.setPass}
          busy={!idle}
          onRead={() => void b.readEncrypted(step.file)}
          onCancel={b.reset}
        />
      )}
      {step.kind === 'confirm' && (
        <RestoreConfirm step={step} reason={b.reason} setReason={b.setReason} busy={!idle} onRestore={() => void b.restore(step)} onCancel={b.cancelRestore} />
      )}
      {step.kind === 'wipe' && <WipeConfirm busy={!idle} onWipe={() => void b.wipe()} onCancel={b.reset} />}
      {b.busy && <ProgressLine busy={b.busy} />}
      {b.note && (
        <p className="ok" role="status">
          {b.note}
        </p>
      )}
      <ErrorAlert message={b.error} />
    </section>
  );
}

function ProgressLine({ busy }: { busy: Progress }) {
  return (
    <div className="progress" role="status">
      <span>{busy.label}</span>
      {busy.total > 0 && (
        <>
          <progress max={busy.total} value={busy.done} aria-label={busy.label} />
          <span>{Math.floor((100 * busy.done) / busy.total)} %</span>
        </>
      )}
    </div>
  );
}
