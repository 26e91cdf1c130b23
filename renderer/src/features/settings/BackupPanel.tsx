// Backup of the whole cache to one encrypted file, restore from such a file (checked in full,
// related to the decision log and its witnesses, then all or nothing), and clearing the cache.
import { ErrorAlert } from '../../app/Alerts';
import { BackupPassphraseForm, RestoreConfirm, RestorePassphraseForm, WipeConfirm } from './BackupForms';
import { useBackup, type Progress } from './useBackup';
import { useAskedAction } from '../../ui/useAskedAction';
import { useRef } from 'react';

export function BackupPanel() {
  const b = useBackup();
  const { step } = b;
  const idle = b.busy === null;
  // A dialog gives the focus back to the button that opened it: the restore's two dialogs follow a file chooser.
  const backupButton = useRef<HTMLButtonElement>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const wipeButton = useRef<HTMLButtonElement>(null);
  const open = step.kind !== 'idle';
  // While a dialog is open the page behind it is inert: its progress and outcome show in it.
  const status = (
    <>
      {b.busy && <ProgressLine busy={b.busy} />}
      {b.note && (
        <p className="ok" role="status">
          {b.note}
        </p>
      )}
      <ErrorAlert message={b.error} />
    </>
  );
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
        <button ref={backupButton} onClick={() => (b.reset(), b.setStep({ kind: 'backup-passphrase' }))} disabled={!idle}>
          Back up to file…
        </button>
        <button ref={restoreButton} onClick={() => (b.reset(), b.chooseRestore())} disabled={!idle}>
          Restore from file…
        </button>
        <button ref={wipeButton} className="danger" onClick={() => b.setStep({ kind: 'wipe' })} disabled={!idle}>
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
          returnFocus={() => backupButton.current}
        >
          {status}
        </BackupPassphraseForm>
      )}
      {step.kind === 'restore-passphrase' && (
        <RestorePassphraseForm
          file={step.file}
          pass={b.pass}
          setPass={b.setPass}
          busy={!idle}
          onRead={() => void b.readEncrypted(step.file)}
          onCancel={b.reset}
          returnFocus={() => restoreButton.current}
        >
          {status}
        </RestorePassphraseForm>
      )}
      {step.kind === 'confirm' && (
        <RestoreConfirm
          step={step}
          reason={b.reason}
          setReason={b.setReason}
          busy={!idle}
          onRestore={() => void b.restore(step)}
          onCancel={b.cancelRestore}
          returnFocus={() => restoreButton.current}
        >
          {status}
        </RestoreConfirm>
      )}
      {step.kind === 'wipe' && (
        <WipeConfirm busy={!idle} onWipe={() => void b.wipe()} onCancel={b.reset} returnFocus={() => wipeButton.current}>
          {status}
        </WipeConfirm>
      )}
      {!open && status}
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
