// The form a decision key opens: the order, a reason code (needed for hold and cancel), a note,
// and Esc to close it. A decision that reverses one still in force asks once more first.
import { useId, useRef, useState } from 'react';
import { orderKeyLabel } from '../../../../shared/domain/order';
import { showDateTime } from '../../../../shared/domain/money';
import type { Decision } from '../../../../shared/decisions/chain';
import { needsReasonCode } from '../../../../shared/decisions/reasons';
import type { QueueRow } from '../../core/contract';
import { reviewAction } from './reviewKeys';
import { stateLabel } from './queueState';
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
  'clear-cache': 'Clear cache',
};

const DOING: Partial<Record<Decision, string>> = { hold: 'holding', release: 'releasing', cancel: 'cancelling' };

/**
 * What the decision would go against, in the analyst's words, or null: a hold in force (an
 * analyst's, maybe a teammate's, on this laptop's log), which a release or cancel reverses and a
 * new hold replaces; and a release of an order whose ring the team confirmed as fraud.
 */
export function decisionOverrides(decision: Decision, order: Pick<QueueRow, 'orderKey' | 'state' | 'heldBy' | 'ringVerdict'>): string | null {
  const doing = DOING[decision];
  if (!doing) return null;
  const parts: string[] = [];
  if (order.state === 'held')
    parts.push(
      decision === 'hold'
        ? `${orderKeyLabel(order.orderKey)} is already on hold (${stateLabel(order)}): holding it again replaces that hold with yours.`
        : `${orderKeyLabel(order.orderKey)} is on hold (${stateLabel(order)}): ${doing} it reverses that hold.`,
    );
  const verdict = order.ringVerdict;
  if (decision === 'release' && verdict?.status === 'confirmed-fraud')
    parts.push(`Its ring was confirmed as fraud by ${verdict.analyst} (${showDateTime(verdict.at)} UTC): releasing lets it ship.`);
  return parts.length ? parts.join(' ') : null;
}

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
  // The decision goes against one in force: said once, and done on the second submit.
  const [asked, setAsked] = useState(false);
  const missingReason = needsReasonCode(form.decision) && !form.reason;
  const overrides = decisionOverrides(form.decision, order);
  const verb = VERB[form.decision];
  const attempt = () => {
    if (missingReason) {
      setTriedWithoutReason(true);
      reasonList.current?.focus();
      return;
    }
    if (overrides && !asked) {
      setAsked(true);
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
      {overrides && asked && (
        <p role="alert" className="warning" data-testid="decision-overrides">
          {overrides} Press {verb} again to go ahead, or Esc to leave it as it is.
        </p>
      )}
    </SubmitForm>
  );
}
