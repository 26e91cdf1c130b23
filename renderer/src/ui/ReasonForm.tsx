// A change the analyst confirms with a reason that is logged with it (never link a value, let a
// hub link): what will happen, the reason, and the button that needs one.
import type { ReactNode } from 'react';
import { SubmitForm } from './SubmitForm';

export function ReasonForm({
  label,
  reason,
  setReason,
  reasonLabel,
  placeholder,
  confirm,
  onConfirm,
  onClose,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  reason: string;
  setReason(reason: string): void;
  reasonLabel: string;
  placeholder?: string;
  /** The confirm button's text. */
  confirm: string;
  /** Resolves true once the change is kept: the form then closes and forgets the reason. */
  onConfirm(): Promise<boolean>;
  onClose(): void;
  /** What confirming does, in a sentence or two. */
  children: ReactNode;
}) {
  return (
    <SubmitForm
      className="confirm"
      aria-label={label}
      onSubmit={async () => {
        if (!(await onConfirm())) return;
        onClose();
        setReason('');
      }}
    >
      <p>{children}</p>
      <input aria-label={reasonLabel} placeholder={placeholder} value={reason} onChange={(e) => setReason(e.target.value)} size={50} />
      <button type="submit" className="primary" disabled={!reason.trim()}>
        {confirm}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </SubmitForm>
  );
}
