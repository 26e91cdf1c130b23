// One refund claim: its kind, reference, order and amount, its deadline with where the window comes
// from, the status workflow disputes use (each change logged with a note; accepting asks to confirm
// what it gives up; past the deadline, accept or record the outcome; a mistaken accept is corrected
// with a reason, as a dispute's), and its history.
import { usePanelFocus } from '../../ui/usePanelFocus';
import { useState } from 'react';
import { deadlineText, respondByText, urgencyOf } from '../../../../shared/disputes/deadlines';
import { STATUS_LABEL } from '../../../../shared/disputes/workflow';
import { CLAIM_DECIDER, claimAcceptText, claimCorrectionCaveat, claimLateText, claimMovesAt } from '../../../../shared/disputes/claims';
import type { DisputeStatus } from '../../../../shared/domain/dispute';
import { formatMoney, sentenceCase, showDateTime } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../app/Alerts';
import { cache } from '../../core/client';
import type { ClaimDetail } from '../../core/contract';
import { useStatusMoves } from './useStatusMoves';
import { AcceptCorrectionForm } from './AcceptCorrectionForm';
import { caseOf } from '../../../../shared/team/caseKeys';
import { CaseClaimBar } from '../team';
import { ModalDialog } from '../../ui/ModalDialog';

export function ClaimDetailView({ c, now, onClose, onChange }: { c: ClaimDetail; now: number; onClose(): void; onChange(): Promise<void> }) {
  const [note, setNote] = useState('');
  /** Accepting, waiting for the analyst to confirm what it gives up. */
  const [accepting, setAccepting] = useState(false);
  /** Correcting a mistaken accept, waiting for its reason. */
  const [correcting, setCorrecting] = useState(false);
  const { act, moveWithReason, reason, setReason, error } = useStatusMoves((to, why) => cache.setClaimStatus(c.id, to, why), onChange);
  // Another claim shown in the same panel: a confirm left open on the last one is not this one's.
  const [shownId, setShownId] = useState(c.id);
  if (shownId !== c.id) {
    setShownId(c.id);
    setAccepting(false);
    setCorrecting(false);
    setNote('');
    // A reason typed for the last claim is not this one's: it would be logged on it.
    setReason('');
  }
  const change = (to: DisputeStatus) => act(() => cache.setClaimStatus(c.id, to, note).then(() => setNote('')));
  const move = (to: DisputeStatus) => {
    if (to === 'accepted') setAccepting(true);
    else void change(to);
  };
  const moves = claimMovesAt(c, now);
  const late = claimLateText(c, now);
  const amount = formatMoney(c.amountMinor, c.currency);
  const accept = claimAcceptText(c.kind, amount);
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
        {d.dueAt && urgencyOf(c, now) === 'closed' ? (
          // Answered, accepted or decided: the deadline no longer runs, so no countdown; the day it was due stays.
          <strong>{sentenceCase(deadlineText(c, now))}.</strong>
        ) : d.dueAt ? (
          <>
            <strong>Respond by {respondByText(d.dueAt, now)}</strong>: {d.text}.
          </>
        ) : (
          <strong>No deadline: {d.text}.</strong>
        )}
      </p>
      {late && <p data-testid="claim-late">{late}</p>}
      {d.window?.note && <p className="muted small">{d.window.note}</p>}
      <div className="toolbar" role="group" aria-label="Claim status">
        <span>
          Status: <strong data-testid="claim-status">{STATUS_LABEL[c.status]}</strong>
        </span>
        {moves.map((to) => (
          <button key={to} onClick={() => move(to)}>
            → {STATUS_LABEL[to]}
            {to === 'accepted' ? '…' : ''}
          </button>
        ))}
        {c.correctsTo && (
          <button onClick={() => setCorrecting(true)} disabled={correcting}>
            Correct a mistaken accept…
          </button>
        )}
        {moves.length > 0 && (
          <input aria-label="Status note" placeholder="Note for the change (optional)" value={note} onChange={(e) => setNote(e.target.value)} size={36} />
        )}
      </div>
      {accepting && (
        <ModalDialog label="Accept the claim?" onCancel={() => setAccepting(false)} initialFocus="[data-cancel]">
          <p data-testid="claim-accept-summary">
            <strong>{accept.question}</strong> {accept.givesUp} This records the accept here only; it sends nothing to {CLAIM_DECIDER[c.kind]}. It is logged
            under your name{note.trim() ? ', with your note' : ''}.
          </p>
          <button
            className="danger"
            onClick={() => {
              setAccepting(false);
              void change('accepted');
            }}
          >
            {accept.confirm}
          </button>
          <button onClick={() => setAccepting(false)} data-cancel>
            Cancel
          </button>
        </ModalDialog>
      )}
      {correcting && c.correctsTo && (
        <AcceptCorrectionForm
          what="claim"
          to={c.correctsTo}
          caveat={
            <>
              <strong>{claimCorrectionCaveat(c.kind)}:</strong> this changes nothing at {CLAIM_DECIDER[c.kind]}.
            </>
          }
          reason={reason}
          setReason={setReason}
          onConfirm={moveWithReason(c.correctsTo)}
          onClose={() => setCorrecting(false)}
          error={error}
        />
      )}
      {!correcting && <ErrorAlert message={error} />}
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
