// The form a decision key opens: the order, a reason code (needed for hold and cancel), a note,
// and Esc to close it.
import { useId, useRef, useState } from 'react';
import { orderKeyLabel } from '../../../../shared/domain/order';
import type { Decision } from '../../../../shared/decisions/chain';
import { needsReasonCode } from '../../../../shared/decisions/reasons';
import type { QueueRow } from '../../core/contract';
import { reviewAction } from './reviewKeys';
import type { DecisionForm } from './useReviewQueue';
import { SubmitForm } from '../../ui/SubmitForm';

export const VERB: Record<Decision, string> = {
  hold: 'Hold',
  release: 'Release',
  cancel: 'Cancel',
  note: 'Note',
  undo: 'Undo',
  restore: 'Restore',
  erasure: 'Erasure',
  retention: 'Retention',
};

export function DecisionFormView({
  form,
  order,
  reasons,
  onChange,
  onSubmit,
  onClose,
  onCancel,
}: {
  form: DecisionForm;
  order: QueueRow;
  /** The reason codes offered for this decision. */
  reasons: readonly string[];
  onChange(form: DecisionForm): void;
  onSubmit(): void;
  /** Esc: closes the form and gives the keys back to the queue. */
  onClose(): void;
  onCancel(): void;
}) {
  const id = useId();
  const reasonList = useRef<HTMLSelectElement>(null);
  // A submit without the reason code it needs says so (beside the list, announced) instead of doing nothing.
  const [triedWithoutReason, setTriedWithoutReason] = useState(false);
  const missingReason = needsReasonCode(form.decision) && !form.reason;
  const verb = VERB[form.decision];
  const attempt = () => {
    if (missingReason) {
      setTriedWithoutReason(true);
      reasonList.current?.focus();
      return;
    }
    onSubmit();
  };
  const reasonProblem = triedWithoutReason && missingReason;
  return (
    <SubmitForm
      className="confirm"
      aria-label={`${verb} order ${orderKeyLabel(order.orderKey)}`}
      onSubmit={attempt}
      onKeyDown={(e) => {
        if (reviewAction(e.key) === 'close') onClose();
      }}
    >
      <strong>
        {verb} order {orderKeyLabel(order.orderKey)}
      </strong>
      {form.decision !== 'note' && (
        <select
          ref={reasonList}
          aria-label="Reason code"
          aria-required={needsReasonCode(form.decision)}
          aria-invalid={reasonProblem}
          aria-describedby={reasonProblem ? `${id}-reason` : undefined}
          autoFocus
          value={form.reason}
          onChange={(e) => onChange({ ...form, reason: e.target.value })}
          onKeyDown={(e) => {
            // Enter decides, as in the note field: R then Enter releases, H ↓ Enter holds with the first
            // code. A list only opens with the mouse, Space or Alt+↓ (Enter opened it, and decided nothing).
            if (e.key !== 'Enter') return;
            e.preventDefault();
            attempt();
          }}
        >
          <option value="">{form.decision === 'release' ? 'No reason code' : 'Choose a reason code…'}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      )}
      <input
        aria-label="Decision note"
        autoFocus={form.decision === 'note'}
        placeholder="Note"
        value={form.note}
        onChange={(e) => onChange({ ...form, note: e.target.value })}
        size={40}
      />
      <button type="submit" className="primary">
        {verb}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel form (Esc)
      </button>
      {reasonProblem && (
        <p id={`${id}-reason`} role="alert" className="error">
          {`A ${form.decision} needs a reason code: choose one in the list (↓), then press Enter.`}
        </p>
      )}
    </SubmitForm>
  );
}
