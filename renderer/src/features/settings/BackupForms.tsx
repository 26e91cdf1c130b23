// The backup panel's dialogs: the passphrase for a new backup (twice) or for an encrypted one,
// what a restore will replace and set aside before it is confirmed, and clearing the cache.
import { formatCount } from '../../../../shared/domain/money';
import { addedDecisionsText, lostEntriesSentences, revivedDecisionsText } from '../../../../shared/backup/restoreText';
import type { ReactNode } from 'react';
import type { Step } from './useBackup';
import { ModalDialog } from '../../ui/ModalDialog';
import { SubmitForm } from '../../ui/SubmitForm';

const MIN_PASSPHRASE = 10;

/** What every dialog here shares: closing it, its progress and its outcome, shown inside it while it is open. */
interface DialogProps {
  busy: boolean;
  onCancel(): void;
  returnFocus?: () => HTMLElement | null;
  /** The progress and any error, in the dialog: the page behind it is inert. */
  children?: ReactNode;
}

const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function BackupPassphraseForm({
  pass,
  setPass,
  pass2,
  setPass2,
  busy,
  onWrite,
  onCancel,
  returnFocus,
  children,
}: DialogProps & {
  pass: string;
  setPass(p: string): void;
  pass2: string;
  setPass2(p: string): void;
  onWrite(): void;
}) {
  return (
    <ModalDialog label="Back up the cache" busy={busy} onCancel={onCancel} returnFocus={returnFocus}>
      <SubmitForm onSubmit={onWrite}>
        <p>Choose a passphrase of at least {MIN_PASSPHRASE} characters. Without it the backup cannot be read, by anyone.</p>
        <PassphraseInput label="Backup passphrase" autoComplete="new-password" autoFocus value={pass} onChange={setPass} />
        <PassphraseInput label="Repeat the passphrase" autoComplete="new-password" value={pass2} onChange={setPass2} />
        <button type="submit" className="primary" disabled={busy || pass.length < MIN_PASSPHRASE || pass !== pass2}>
          Write backup
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {pass2 && pass !== pass2 && <span className="muted">The two passphrases differ.</span>}
        {children}
      </SubmitForm>
    </ModalDialog>
  );
}

export function RestorePassphraseForm({
  file,
  pass,
  setPass,
  busy,
  onRead,
  onCancel,
  returnFocus,
  children,
}: DialogProps & {
  file: File;
  pass: string;
  setPass(p: string): void;
  onRead(): void;
}) {
  return (
    <ModalDialog label="Backup passphrase" busy={busy} onCancel={onCancel} returnFocus={returnFocus}>
      <SubmitForm onSubmit={onRead}>
        <p>
          <strong>{file.name}</strong> is encrypted. Enter the passphrase it was written with; it is read and checked in full before anything changes.
        </p>
        <PassphraseInput label="Passphrase of the backup" autoComplete="current-password" autoFocus value={pass} onChange={setPass} />
        <button type="submit" className="primary" disabled={busy || pass.length === 0}>
          Read backup
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {children}
      </SubmitForm>
    </ModalDialog>
  );
}

export function WipeConfirm({ busy, onWipe, onCancel, returnFocus, children }: DialogProps & { onWipe(): void }) {
  // The focus starts on Cancel: Enter on arrival must not clear the cache.
  return (
    <ModalDialog label="Confirm clearing the cache" busy={busy} onCancel={onCancel} returnFocus={returnFocus} initialFocus="[data-cancel]">
      <p>Clearing the cache removes the data loaded into it, demo or imported:</p>
      <ul data-testid="wipe-removes">
        <li>every order, payment and dispute</li>
        <li>the import history and its undo</li>
        <li>ring verdicts and never-link / allow overrides (they name the orders and values removed)</li>
      </ul>
      <p>It keeps this laptop&apos;s own settings and records:</p>
      <ul data-testid="wipe-keeps">
        <li>your name, saved column mappings and shop names</li>
        <li>hub rules, the scoring matrix, and the review, report, dispute and retention settings; the display setting</li>
        <li>the decision log, dispute histories and files, refund claims, report snapshots, the export log and the erasure register: they are append-only</li>
      </ul>
      <p>
        Clearing is logged in the decision log under your name, with how many orders, payments, disputes and imports went and the ring verdicts and overrides
        that no longer apply. Make a backup first if you may need the data again.
      </p>
      <button className="danger" onClick={onWipe} disabled={busy}>
        Clear the cache
      </button>
      <button onClick={onCancel} disabled={busy} data-cancel>
        Cancel
      </button>
      {children}
    </ModalDialog>
  );
}

export function RestoreConfirm(
  props: DialogProps & {
    step: Extract<Step, { kind: 'confirm' }>;
    reason: string;
    setReason(r: string): void;
    onRestore(): void;
  },
) {
  const { plan, file } = props.step;
  const written = plan.createdAt
    ? ` was written ${utc(plan.createdAt)}${plan.createdBy ? ` by ${plan.createdBy}` : ''}`
    : ' is a backup of an earlier version of the app';
  // Entries here that go to the archive: decisions are set aside, a clearing of the cache moves there, erasures and purges stay in force.
  const lost = lostEntriesSentences(plan);
  const erasureKept = lost.erasures;
  const decisionsLost = lost.decisions;
  const witnessed = plan.witnessedBy.length ? ` and matches ${plan.witnessedBy.join(', ')}` : '';
  const reasonAsked = plan.localLogBroken
    ? 'Why restore over the log here'
    : plan.relation === 'revives'
      ? 'Why set the decisions here aside'
      : 'Why restore this older backup';
  return (
    <ModalDialog label="Confirm restore" busy={props.busy} onCancel={props.onCancel} returnFocus={props.returnFocus}>
      <p data-testid="restore-summary">
        <strong>{file.name}</strong>
        {written}. It holds {plan.summary};{' '}
        {plan.verifiedTo > 0 ? `its decision log verified to entry ${formatCount(plan.verifiedTo)}${witnessed}` : 'no decisions'}.
      </p>
      {plan.localLogBroken && (
        <p data-testid="restore-broken-here" className="error">
          The decision log on this laptop does not verify: {plan.localLogBroken.reason} (entry {formatCount(plan.localLogBroken.seq)}). It cannot vouch for this
          backup{plan.witnessedBy.length ? '' : ', and no checkpoint was brought to check it against'}. All {formatCount(plan.lostDecisions)} of its entries
          will be set aside: kept in the archive, {erasureKept ? 'its decisions no longer in force' : 'no longer in force'}.
        </p>
      )}
      {!plan.localLogBroken && decisionsLost && (
        <p data-testid="restore-loss" className="error">
          {decisionsLost}
        </p>
      )}
      {!plan.localLogBroken && lost.clears && <p data-testid="restore-clears">{lost.clears}</p>}
      {erasureKept && <p data-testid="restore-erasures-kept">{erasureKept}</p>}
      {plan.revived && (
        <p data-testid="restore-revived">
          It brings back {revivedDecisionsText(plan.revived)}: this laptop's archive holds them unchanged, so the backup is this log as it stood before that
          restore.
        </p>
      )}
      {plan.addedDecisions && (
        <p data-testid="restore-added" className="warning">
          It puts in force {addedDecisionsText(plan.addedDecisions)}:{' '}
          {plan.relation === 'empty-here'
            ? // An empty log, with no checkpoint brought, has nothing to say about them.
              "this laptop's log is empty, so nothing here vouches for them: their order rests on the backup's own chain alone, and says nothing of who wrote them or when."
            : "they continue this laptop's log, which vouches for their order, not for who wrote them or when."}{' '}
          The restore's log entry names them.
        </p>
      )}
      {plan.erasedAgain && (
        <p data-testid="restore-erased-again">
          Erasures recorded on this laptop or in the backup ({plan.erasedAgain.requests}) reach data it holds: they are applied to it again before it is written
          ({plan.erasedAgain.what}), and the restore's log entry says so.
        </p>
      )}
      {plan.keptOther > 0 && (
        <p>
          {formatCount(plan.keptOther)} other logged change{plan.keptOther === 1 ? '' : 's'} made here since (exports, snapshots, dispute changes, claims,
          attached files) stay{plan.keptOther === 1 ? 's' : ''}, after the backup's own.
        </p>
      )}
      {plan.lostOther > 0 && (
        <p>
          {formatCount(plan.lostOther)} other logged change{plan.lostOther === 1 ? ' clashes' : 's clash'} with the backup's and will be kept in the archive.
        </p>
      )}
      <p>Restoring replaces everything in the local cache and is logged in the decision log under your name.</p>
      {plan.needsReason && (
        // A visible label, not only a placeholder that goes once typing starts.
        <p>
          <label>
            {reasonAsked} (kept with the restore in the log):{' '}
            <input aria-label={reasonAsked} value={props.reason} onChange={(e) => props.setReason(e.target.value)} size={50} autoFocus />
          </label>
        </p>
      )}
      <button className="primary" onClick={props.onRestore} disabled={props.busy || (plan.needsReason && !props.reason.trim())}>
        Replace cache with this backup
      </button>
      <button onClick={props.onCancel} disabled={props.busy}>
        Cancel
      </button>
      {props.children}
    </ModalDialog>
  );
}

/**
 * A passphrase field, typed hidden, under a label one can see (two blank boxes side by side said
 * nothing of which is which); `autoComplete` tells a password manager whether it is a new one or one to fill in.
 */
function PassphraseInput({
  label,
  autoComplete,
  autoFocus,
  value,
  onChange,
}: {
  label: string;
  autoComplete: 'new-password' | 'current-password';
  autoFocus?: boolean;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <label className="inline">
      {label}
      <input type="password" autoComplete={autoComplete} autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)} size={28} />
    </label>
  );
}
