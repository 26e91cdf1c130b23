// One dispute: its deadline, status workflow with a note per change (submitting with evidence
// missing or after the deadline asks for a reason, accepting asks to confirm what is given up), the
// evidence checklist, its exports, its history, and for Visa 10.4 whether the customer's prior
// orders give CE 3.0 evidence.
import { usePanelFocus } from '../../ui/usePanelFocus';
import { useState } from 'react';
import { deadlineText } from '../../../../shared/disputes/deadlines';
import { REASON_FAMILY_LABEL, disputeNetworkName, reasonShown } from '../../../../shared/disputes/reasonCodes';
import { movesAt, noResponse, pastDeadline, STATUS_LABEL, submitOverrides } from '../../../../shared/disputes/workflow';
import type { DisputeEscalation, DisputeStage, DisputeStatus } from '../../../../shared/domain/dispute';
import { formatMoney, showDate, showDateTime } from '../../../../shared/domain/money';
import type { Ce3Result } from '../../../../shared/disputes/ce3';
import { channelLabel, type Order } from '../../../../shared/domain/order';
import { providerName } from '../../../../shared/domain/payment';
import { cache } from '../../core/client';
import type { DisputeDetail } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { TeammatesOnDispute } from '../team';
import { ReasonForm } from '../../ui/ReasonForm';
import { useStatusMoves } from './useStatusMoves';
import { AcceptCorrectionForm } from './AcceptCorrectionForm';
import { EvidenceActions } from './EvidenceActions';
import { DisputeAttachments } from './DisputeAttachments';
import { ATTACHMENT_TYPE_LABEL, formatBytes } from '../../../../shared/disputes/attachments';
import type { DisputeEventRecord } from '../../core/contract';
import { ResponseHintText } from './ResponseHintText';
import { caseOf } from '../../../../shared/team/caseKeys';
import { CaseClaimBar } from '../team';
import { ModalDialog } from '../../ui/ModalDialog';

/** What an inquiry or a fraud report is, beside a chargeback: why it is not counted as one. */
const STAGE_NOTE: Record<DisputeStage, string> = {
  inquiry: 'Inquiry, not a chargeback: no money taken back yet, not counted in the chargeback ratios or the win rate.',
  fraud_report: 'Fraud report (Visa TC40, Mastercard SAFE), not a chargeback: nothing to answer; counted in Visa VAMP, not in the win rate.',
};

const ESCALATION_NOTE: Record<DisputeEscalation, string> = {
  second_chargeback: 'Second chargeback: the issuer declined the answer to the first chargeback and took the money back again.',
  pre_arbitration: 'Pre-arbitration: the issuer contests the reversal of the chargeback.',
};

export function DisputeDetailView({ d, now, onClose, onChange }: { d: DisputeDetail; now: number; onClose(): void; onChange(): Promise<void> }) {
  const check = d.ce3Check;
  const [note, setNote] = useState('');
  /** The move waiting for a reason (the submit guard), with what it overrides. */
  const [guarded, setGuarded] = useState<{ to: DisputeStatus; overrides: string[] } | null>(null);
  /** Accepting, waiting for the analyst to confirm what it gives up. */
  const [accepting, setAccepting] = useState(false);
  /** Correcting a mistaken accept, waiting for its reason. */
  const [correcting, setCorrecting] = useState(false);
  const { act, moveWithReason, reason, setReason, error } = useStatusMoves((to, why) => cache.setDisputeStatus(d.id, to, why), onChange);
  // Another dispute shown in the same panel: a dialog left open on the last one is not this one's.
  const [shownId, setShownId] = useState(d.id);
  if (shownId !== d.id) {
    setShownId(d.id);
    setGuarded(null);
    setAccepting(false);
    setCorrecting(false);
    setNote('');
    // A reason typed for the last dispute is not this one's: it would be logged on it.
    setReason('');
  }
  const done = d.evidence.filter((e) => e.checked).length;
  // Accepted, or a fraud report: no response goes out, so evidence ticked or a pack built now would be for nothing (the service refuses both too).
  const closedWhy = noResponse(d);
  const closed = closedWhy !== null;
  // By their bytes: a dispute never holds the same bytes twice, and an event's number is the one the file had then.
  const files = new Map(d.attachments.map((a) => [a.sha256, a]));
  const late = pastDeadline(d, now);
  const moves = movesAt(d, now);
  const amount = formatMoney(d.amountMinor, d.currency);
  const provider = providerName(d.provider);
  const move = (to: DisputeStatus) => {
    if (to === 'accepted') {
      setGuarded(null);
      setAccepting(true);
      return;
    }
    const overrides = submitOverrides(d, to, now);
    if (overrides.length) {
      setGuarded({ to, overrides });
      setReason(note);
      return;
    }
    void act(() => cache.setDisputeStatus(d.id, to, note).then(() => setNote('')));
  };
  const { headingRef, onPanelKeyDown } = usePanelFocus(d.id, onClose, { bringIntoView: true });
  return (
    <section className="panel wide" aria-label={`Dispute ${d.id}`} onKeyDown={onPanelKeyDown}>
      <header className="wizard-head">
        <h2 ref={headingRef} tabIndex={-1}>
          {reasonShown(disputeNetworkName(d), d.reasonCode, d.reasonLabel).lead} · {d.reasonLabel} · {formatMoney(d.amountMinor, d.currency)}
        </h2>
        <button className="link" onClick={onClose} aria-label="Close the dispute">
          ✕
        </button>
      </header>
      <p className="muted">
        {d.stage && (
          <>
            <strong data-testid="dispute-stage">{STAGE_NOTE[d.stage]}</strong>
            <br />
          </>
        )}
        {!d.stage && d.escalation && (
          <>
            <strong data-testid="dispute-stage">{ESCALATION_NOTE[d.escalation]}</strong>
            <br />
          </>
        )}
        {REASON_FAMILY_LABEL[d.family]} · opened {showDate(d.openedAt)}
        {d.chargebackAt !== undefined && <span data-testid="dispute-raised"> · a chargeback since {showDate(d.chargebackAt)}</span>} · {deadlineText(d, now)} ·{' '}
        {d.provider} {d.id} · order {d.order ? d.order.externalId : `${d.orderKey || 'unknown'} (not in cache)`}
      </p>
      <CaseClaimBar of={caseOf.chargeback(d.id)} what="dispute" />
      {d.hint && (
        <p data-testid="dispute-hint">
          <ResponseHintText r={d} />
        </p>
      )}
      <div className="toolbar" role="group" aria-label="Dispute status">
        <span>
          Status: <strong data-testid="dispute-status">{STATUS_LABEL[d.status]}</strong>
        </span>
        {moves.map((to) => (
          <button key={to} onClick={() => move(to)}>
            → {STATUS_LABEL[to]}
            {to === 'accepted' ? '…' : late && to === 'submitted' ? ' late…' : ''}
          </button>
        ))}
        {d.correctsTo && (
          <button onClick={() => setCorrecting(true)} disabled={correcting}>
            Correct a mistaken accept…
          </button>
        )}
        {moves.length > 0 && (
          <input aria-label="Status note" placeholder="Note for the change (optional)" value={note} onChange={(e) => setNote(e.target.value)} size={36} />
        )}
      </div>
      {accepting && (
        <ModalDialog label="Accept the chargeback?" onCancel={() => setAccepting(false)} initialFocus="[data-cancel]">
          <p data-testid="accept-summary">
            <strong>
              Accept {d.stage === 'inquiry' ? 'this inquiry' : 'this chargeback'} of {amount} without contesting it?
            </strong>{' '}
            {d.stage === 'inquiry'
              ? `You answer it without evidence: the issuer may go on to take the ${amount} back as a chargeback, and this inquiry is not answered again.`
              : `You give up the ${amount}: it stays with the cardholder, and the chance to win it back with evidence goes with it.`}{' '}
            At Stripe and Adyen an accepted dispute cannot be reopened. This records the accept here only: it sends nothing to {provider}, where you accept it
            too. It is logged under your name
            {note.trim() ? ', with your note' : ''}, and the evidence checklist closes.
          </p>
          {d.hint && d.hint.verdict !== 'late' && (
            <p className="muted" data-testid="accept-hint">
              Respond or accept: {d.hint.text}
            </p>
          )}
          <button
            className="danger"
            onClick={() => {
              setAccepting(false);
              void act(() => cache.setDisputeStatus(d.id, 'accepted', note).then(() => setNote('')));
            }}
          >
            Accept and give up {amount}
          </button>
          <button onClick={() => setAccepting(false)} data-cancel>
            Cancel
          </button>
        </ModalDialog>
      )}
      {correcting && d.correctsTo && (
        <AcceptCorrectionForm
          what="dispute"
          to={d.correctsTo}
          caveat={
            <>
              <strong>Only if it was not accepted at {provider}:</strong> an accept there is final, and this changes nothing at {provider}.
            </>
          }
          reason={reason}
          setReason={setReason}
          onConfirm={moveWithReason(d.correctsTo)}
          onClose={() => setCorrecting(false)}
          error={error}
        />
      )}
      {guarded && (
        <ModalDialog label="Submit anyway?" className="" onCancel={() => setGuarded(null)}>
          <ReasonForm
            label="Reason to submit anyway"
            reason={reason}
            setReason={setReason}
            reasonLabel="Why submit now"
            placeholder="Why submit now? (logged with the change)"
            confirm={`${STATUS_LABEL[guarded.to]} anyway`}
            onConfirm={moveWithReason(guarded.to, () => setNote(''))}
            onClose={() => setGuarded(null)}
          >
            <strong>
              {STATUS_LABEL[guarded.to]} with {guarded.overrides.join(' and ')}?
            </strong>{' '}
            Nothing changes without a reason; the reason is logged with the change under your name.
          </ReasonForm>
          <ErrorAlert message={error} />
        </ModalDialog>
      )}
      {/* While a dialog asking a reason is open, its error shows in it. */}
      {!guarded && !correcting && <ErrorAlert message={error} />}
      {closed ? (
        <p className="muted" data-testid="pack-closed">
          No evidence pack: {closedWhy}.
        </p>
      ) : (
        <EvidenceActions disputeId={d.id} provider={d.provider} />
      )}
      <div className="ring-body">
        <fieldset className="evidence">
          <legend>
            Evidence ({done} of {d.evidence.length}){closed ? `: closed, ${closedWhy}` : ''}
          </legend>
          {d.evidence.map((e) => (
            <label key={e.item} className="inline block">
              <input
                type="checkbox"
                checked={e.checked}
                disabled={closed}
                onChange={() => void act(() => cache.setDisputeEvidence(d.id, e.item, !e.checked))}
              />{' '}
              {e.item}
            </label>
          ))}
        </fieldset>
        <div>
          <h3>History</h3>
          {d.events.length === 0 ? (
            <p className="muted">No changes yet; status as imported.</p>
          ) : (
            <ul data-testid="dispute-history">
              {d.events.map((e) => (
                <li key={e.id}>
                  {showDateTime(e.at)} UTC · {e.analyst}: <EventText e={e} files={files} />
                </li>
              ))}
            </ul>
          )}
          <TeammatesOnDispute disputeId={d.id} here={d.attachments} onChange={onChange} />
        </div>
      </div>
      <DisputeAttachments disputeId={d.id} files={d.attachments} onChange={onChange} />
      {check && (
        <div data-testid="ce3-check">
          <h3>Visa Compelling Evidence 3.0: {check.qualifies ? 'eligible' : 'not eligible'}</h3>
          <p>{check.why}.</p>
          {d.priorOrders.length > 0 && <PriorOrdersTable check={check} orders={d.priorOrders} />}
        </div>
      )}
    </section>
  );
}

/**
 * One history line. A file is named while it is attached; the log itself keeps only its number,
 * type, size and hash. The file is found by its hash: a restore can keep a file under a new number
 * (the backup held its number for another), and the line then says which number it has now.
 */
function EventText({ e, files }: { e: DisputeEventRecord; files: ReadonlyMap<string, { id: number; name: string }> }) {
  switch (e.kind) {
    case 'status':
      return <>{`status → ${STATUS_LABEL[e.status!]}${e.note ? ` (${e.note})` : ''}`}</>;
    case 'evidence':
      return <>{`${e.checked ? 'ticked' : 'unticked'} “${e.item}”`}</>;
    case 'attachment': {
      const f = e.file!;
      const now = files.get(f.sha256);
      const named = now ? ` “${now.name}”${now.id !== f.attachmentId ? `, now file ${now.id}` : ''}` : '';
      return (
        <>
          {`${f.action} file ${f.attachmentId}${named} (${ATTACHMENT_TYPE_LABEL[f.type]}, ${formatBytes(f.size)}, SHA-256 `}
          <span className="mono" title={f.sha256}>
            {f.sha256.slice(0, 12)}…
          </span>
          ){e.note ? ` (${e.note})` : ''}
        </>
      );
    }
    default: {
      const never: never = e.kind;
      return <>{String(never)}</>;
    }
  }
}

interface Prior {
  p: Ce3Result['priors'][number];
  /** The prior order, when it is in the cache. */
  o: Order | undefined;
}

const PRIOR_COLUMNS: Column<Prior>[] = [
  { header: 'Date (UTC)', cell: ({ p }) => showDateTime(p.createdAt) },
  { header: 'Order', cell: ({ p, o }) => o?.externalId ?? p.orderKey },
  { header: 'Channel', cell: ({ o }) => (o ? channelLabel(o) : '') },
  { header: 'Total', cell: ({ o }) => (o ? formatMoney(o.totalMinor, o.currency) : '') },
  { header: 'Shares', cell: ({ p }) => p.shared.join(', ') },
];

/** The customer's earlier orders that CE 3.0 counts, with what each shares with the disputed one. */
function PriorOrdersTable({ check, orders }: { check: Ce3Result; orders: Order[] }) {
  const rows = check.priors.map((p) => ({ p, o: orders.find((x) => `${x.source}:${x.externalId}` === p.orderKey) }));
  return <HistoryTable rows={rows} columns={PRIOR_COLUMNS} rowKey={({ p }) => p.orderKey} label="CE 3.0 prior orders" />;
}
