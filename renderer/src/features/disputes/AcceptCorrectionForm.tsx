// Correcting an accept recorded by mistake, for a dispute or a refund claim: what it changes (the
// record here only), where the case goes back to, and the reason logged with the correction.
import type { ReactNode } from 'react';
import { STATUS_LABEL } from '../../../../shared/disputes/workflow';
import type { DisputeStatus } from '../../../../shared/domain/dispute';
import { ReasonForm } from '../../ui/ReasonForm';
import { ErrorAlert } from '../../app/Alerts';
import { ModalDialog } from '../../ui/ModalDialog';

export function AcceptCorrectionForm({
  what,
  to,
  caveat,
  reason,
  setReason,
  onConfirm,
  onClose,
  error,
}: {
  what: 'dispute' | 'claim';
  /** The status the case goes back to. */
  to: DisputeStatus;
  /** When correcting is right, and that nothing changes where the case is decided. */
  caveat: ReactNode;
  reason: string;
  setReason(reason: string): void;
  onConfirm(): Promise<boolean>;
  onClose(): void;
  /** Why the correction failed, said in the dialog: the page behind it is inert. */
  error: string | null;
}) {
  return (
    <ModalDialog label="Correct the accept?" className="" onCancel={onClose}>
      <ReasonForm
        label="Reason to correct the accept"
        reason={reason}
        setReason={setReason}
        reasonLabel="Why correct the accept"
        placeholder="What was wrong? (logged with the correction)"
        confirm={`Back to ${STATUS_LABEL[to]}`}
        onConfirm={onConfirm}
        onClose={onClose}
      >
        {caveat} The {what} goes back to {STATUS_LABEL[to]}; the accept stays in the history and the correction is logged after it, with your reason, under your
        name.
      </ReasonForm>
      <ErrorAlert message={error} />
    </ModalDialog>
  );
}
