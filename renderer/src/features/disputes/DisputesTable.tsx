// Chargebacks and refund claims by deadline, most urgent first: countdown, kind, status, reason and
// family, amount, the order (and its ring, if any), whether Visa CE 3.0 evidence is available, and for
// an open dispute whether answering it is worth its cost.
import type { ReactNode } from 'react';
import { countdown, urgencyOf, type Urgency } from '../../../../shared/disputes/deadlines';
import { REASON_FAMILY_LABEL, disputeNetworkName, reasonShown } from '../../../../shared/disputes/reasonCodes';
import { formatMoney, showDate, showDateTime } from '../../../../shared/domain/money';
import { DISPUTE_ESCALATION_LABEL, DISPUTE_STAGE_LABEL } from '../../../../shared/domain/dispute';
import type { DisputeRow } from '../../core/contract';
import { FittedTable, type FitColumn } from '../../ui/FittedTable';
import { MoreRows, useShownRows } from '../../ui/MoreRows';
import { ResponseHintText } from './ResponseHintText';
import { caseOf } from '../../../../shared/team/caseKeys';
import { ClaimMarker } from '../team';
import type { DeadlineRow } from './useDisputes';

const URGENCY_LABEL: Record<Urgency, string> = {
  overdue: 'Overdue',
  'due-48h': 'Due within 48 h',
  open: 'Open',
  'no-deadline': 'No response allowed',
  closed: 'Submitted or closed',
};

/** Rows drawn: the most urgent. */
/** Rows drawn at first, and added per "Show more". */
const SHOWN = 500;

interface Dated {
  r: DeadlineRow;
  urgency: Urgency;
}

/** A cell of chargebacks only; a claim's is empty. */
const chargeback = (r: DeadlineRow, cell: (d: DisputeRow) => ReactNode): ReactNode => (r.rowType === 'chargeback' ? cell(r) : '');

export function DisputesTable({
  sorted,
  now,
  onOpen,
  onRing,
}: {
  sorted: DeadlineRow[];
  now: number;
  onOpen(r: DeadlineRow): void;
  onRing(orderKey: string): void;
}) {
  const { shown, more } = useShownRows(SHOWN);
  // Priorities: the deadline, the claim, the money and what to do stay; the rest hides right to
  // left as the width shrinks (the dispute's detail shows it all). Text columns wrap at spaces
  // first, so a column hides only when wrapping is not enough.
  const columns: FitColumn<Dated>[] = [
    {
      id: 'due',
      priority: 1,
      header: 'Due',
      title: ({ r }) => (r.dueAt ? `${showDateTime(r.dueAt)} UTC${r.rowType === 'claim' ? `: ${r.deadline.text}` : ''}` : ''),
      cell: ({ r, urgency }) => (
        <>
          <strong>{r.dueAt && urgency !== 'closed' ? countdown(r.dueAt, now) : '—'}</strong>
          <div className="muted">{URGENCY_LABEL[urgency]}</div>
        </>
      ),
    },
    {
      id: 'status',
      priority: 2,
      header: 'Status',
      className: 'wrap-words',
      cell: ({ r }) => (
        <>
          <span className="status">{r.status.replace('_', ' ')}</span>
          <ClaimMarker of={r.rowType === 'claim' ? caseOf.refundClaim(r.id) : caseOf.chargeback(r.id)} />
        </>
      ),
    },
    {
      id: 'kind',
      priority: 3,
      header: 'Kind',
      className: 'wrap-words',
      cell: ({ r }) =>
        r.rowType === 'claim' ? r.kindLabel : r.stage ? DISPUTE_STAGE_LABEL[r.stage] : r.escalation ? DISPUTE_ESCALATION_LABEL[r.escalation] : 'Chargeback',
    },
    {
      id: 'reason',
      priority: 1,
      header: 'Reason',
      className: 'wrap',
      title: ({ r }) => (r.rowType === 'claim' ? r.reason : r.reasonLabel),
      cell: ({ r }) =>
        r.rowType === 'claim' ? (
          <>
            {r.id} <span className="muted">{r.reason}</span>
          </>
        ) : (
          <ReasonText network={disputeNetworkName(r)} code={r.reasonCode} label={r.reasonLabel} />
        ),
    },
    {
      id: 'family',
      priority: 4,
      header: 'Family',
      className: 'wrap-words',
      cell: ({ r }) => (r.rowType === 'claim' ? <span className="muted">refund claim</span> : REASON_FAMILY_LABEL[r.family]),
    },
    { id: 'amount', priority: 1, header: 'Amount', right: true, cell: ({ r }) => formatMoney(r.amountMinor, r.currency) },
    { id: 'opened', priority: 5, header: 'Opened', cell: ({ r }) => showDate(r.openedAt) },
    {
      id: 'order',
      priority: 3,
      header: 'Order',
      className: 'wrap-words',
      cell: ({ r }) => (r.rowType === 'claim' ? r.orderRef || <span className="muted">—</span> : <OrderCell r={r} onRing={onRing} />),
    },
    {
      id: 'ce3',
      priority: 4,
      header: 'CE 3.0',
      cell: ({ r }) =>
        chargeback(r, (r) =>
          r.ce3 ? (
            r.ce3.qualifies ? (
              <span className="status status-fulfilled">eligible ({r.ce3.priors} orders)</span>
            ) : (
              <span className="muted">not eligible</span>
            )
          ) : (
            ''
          ),
        ),
    },
    {
      id: 'respond',
      priority: 2,
      header: 'Respond or accept',
      title: ({ r }) => (r.rowType === 'chargeback' ? (r.hint?.text ?? '') : ''),
      cell: ({ r }) => chargeback(r, (r) => <ResponseHintText r={r} compact />),
    },
  ];
  const rows = sorted.slice(0, shown).map((r) => ({ r, urgency: urgencyOf(r, now) }));
  return (
    <>
      <FittedTable
        tableId="disputes"
        rows={rows}
        columns={columns}
        rowKey={({ r }) => `${r.rowType}:${r.id}`}
        rowProps={({ r, urgency }) => ({
          className: `clickable urgency-${urgency}`,
          'data-urgency': urgency,
          'data-kind': r.rowType === 'claim' ? r.kind : 'chargeback',
        })}
        onOpen={({ r }) => onOpen(r)}
        label="Disputes by deadline"
      />
      <MoreRows
        shown={shown}
        total={sorted.length}
        page={SHOWN}
        nouns={sorted.some((r) => r.rowType === 'claim') ? 'disputes and claims' : 'disputes'}
        which="the most urgent"
        onMore={more}
        testId="disputes-more"
      />
    </>
  );
}

function OrderCell({ r, onRing }: { r: DisputeRow; onRing(orderKey: string): void }) {
  return (
    <>
      {r.order ? `${r.order.externalId} · ${r.order.channel}` : <span className="muted">not in cache</span>}
      {r.ringId && (
        <button
          className="link"
          aria-label={`Show the ring of ${r.order?.externalId ?? r.orderKey}`}
          onClick={(e) => {
            e.stopPropagation();
            onRing(r.orderKey);
          }}
        >
          {' '}
          in a ring
        </button>
      )}
    </>
  );
}

/** Network and code, then the reason's name muted; a code the name only repeats is left out. */
function ReasonText({ network, code, label }: { network: string; code: string; label: string }) {
  const shown = reasonShown(network, code, label);
  return (
    <>
      {shown.lead} <span className="muted">{shown.label}</span>
    </>
  );
}
