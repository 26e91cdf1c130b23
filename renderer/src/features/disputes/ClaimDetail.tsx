// One refund claim: its kind, reference, order and amount, its deadline with where the window comes
// from, the status workflow disputes use (each change logged with a note), and its history.
import { usePanelFocus } from '../../ui/usePanelFocus';
import { useState } from 'react';
import { respondByText } from '../../../../shared/disputes/deadlines';
import { NEXT_STATUS, STATUS_LABEL } from '../../../../shared/disputes/workflow';
import type { DisputeStatus } from '../../../../shared/domain/dispute';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../app/Alerts';
import { cache } from '../../core/client';
import type { ClaimDetail } from '../../core/contract';
import { useActions } from '../../ui/useAsync';
import { caseOf } from '../../../../shared/team/caseKeys';
import { CaseClaimBar } from '../team';

export function ClaimDetailView({ c, now, onClose, onChange }: { c: ClaimDetail; now: number; onClose(): void; onChange(): Promise<void> }) {
  const [note, setNote] = useState('');
  const { run, error } = useActions();
  const move = (to: DisputeStatus) =>
    run(async () => {
      await cache.setClaimStatus(c.id, to, note);
      setNote('');
      await onChange();
    });
  const d = c.deadline;
  const { headingRef, onPanelKeyDown } = usePanelFocus(c.id, onClose, { bringIntoView: true });
  return (
    <section className="panel wide" aria-label={`Claim ${c.id}`} onKeyDown={onPanelKeyDown}>
      <header className="wizard-head">
        <h2 ref={headingRef} tabIndex={-1}>
          {c.kindLabel} {c.id} · {formatMoney(c.amountMinor, c.currency)}
        </h2>
        <button className="link" onClick={onClose} aria-label="Close the claim">
          ✕
        </button>
      </header>
      <p className="muted">
        Order {c.orderRef || 'not given'} · opened {showDateTime(c.openedAt)} UTC{c.reason ? ` · ${c.reason}` : ''} · entered by {c.analyst}
      </p>
      <CaseClaimBar of={caseOf.refundClaim(c.id)} what="refund claim" />
      <p data-testid="claim-deadline">
        {d.dueAt ? (
          <>
            <strong>Respond by {respondByText(d.dueAt, now)}</strong>: {d.text}.
          </>
        ) : (
          <strong>No deadline: {d.text}.</strong>
        )}
      </p>
      {d.window?.note && <p className="muted small">{d.window.note}</p>}
      <div className="toolbar" role="group" aria-label="Claim status">
        <span>
          Status: <strong data-testid="claim-status">{STATUS_LABEL[c.status]}</strong>
        </span>
        {NEXT_STATUS[c.status].map((to) => (
          <button key={to} onClick={() => void move(to)}>
            → {STATUS_LABEL[to]}
          </button>
        ))}
        {NEXT_STATUS[c.status].length > 0 && (
          <input aria-label="Status note" placeholder="Note for the change (optional)" value={note} onChange={(e) => setNote(e.target.value)} size={36} />
        )}
      </div>
      <ErrorAlert message={error} />
      <h3>History</h3>
      {c.events.length === 0 ? (
        <p className="muted">No changes yet; entered as new.</p>
      ) : (
        <ul data-testid="claim-history">
          {c.events.map((e) => (
            <li key={e.id}>
              {showDateTime(e.at)} UTC · {e.analyst}: status → {e.status ? STATUS_LABEL[e.status] : '?'}
              {e.note ? ` (${e.note})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
