// A lead's resolution of an order the team decided differently: the decision that stands (hold,
// release or cancel), a reason code as the decision form asks (hold and cancel need one), a note.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { useState } from 'react';
import { ORDER_DECISIONS, type OrderDecision } from '../../../../shared/decisions/chain';
import { needsReasonCode, reasonCodesFor } from '../../../../shared/decisions/reasons';
import { ErrorAlert } from '../../app/Alerts';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useActions, useAsync } from '../../ui/useAsync';
import { SubmitForm } from '../../ui/SubmitForm';
import { useTeam } from './useTeamStatus';

const LABEL: Record<OrderDecision, string> = { hold: 'Hold', release: 'Release', cancel: 'Cancel' };

export function ResolveForm({ orderKey, onDone }: { orderKey: string; onDone(): void }) {
  const id = orderKeyLabel(orderKey);
  const settings = useAsync(() => cache.reviewSettings(), []).value;
  const [decision, setDecision] = useState<OrderDecision>('hold');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { run, busy, error } = useActions();
  const submit = async () => {
    const entry = await run(() => cache.resolveConflict(orderKey, decision, reason, note));
    if (!entry) return;
    useUi.getState().cacheChanged();
    // The resolution is the team's: send it now rather than at the next round.
    void useTeam
      .getState()
      .syncNow()
      .catch(() => undefined);
    onDone();
  };
  return (
    <SubmitForm className="confirm resolve-form" aria-label={`Resolve order ${id}`} onSubmit={() => void submit()}>
      <strong>Resolve {id}</strong>
      <select
        aria-label="Decision that stands"
        autoFocus
        value={decision}
        onChange={(e) => {
          setDecision(e.target.value as OrderDecision);
          setReason('');
        }}
      >
        {ORDER_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {LABEL[d]}
          </option>
        ))}
      </select>
      <select aria-label="Reason code" value={reason} onChange={(e) => setReason(e.target.value)}>
        <option value="">{needsReasonCode(decision) ? 'Choose a reason code…' : 'No reason code'}</option>
        {(settings ? reasonCodesFor(decision, settings) : []).map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <input aria-label="Resolution note" placeholder="Note" value={note} onChange={(e) => setNote(e.target.value)} size={30} />
      <button type="submit" className="primary" disabled={busy || (needsReasonCode(decision) && !reason)}>
        Resolve: {LABEL[decision].toLowerCase()}
      </button>
      <button type="button" onClick={onDone}>
        Cancel form
      </button>
      <ErrorAlert message={error} inline />
    </SubmitForm>
  );
}
