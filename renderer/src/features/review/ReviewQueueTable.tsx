// The review queue, riskiest first, with the order at the cursor explained beside it: the rules
// that fired, and its ring's other queued orders to decide at once.
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import type { ReasonLists } from '../../../../shared/decisions/reasons';
import { formatCount, formatMoney, sentenceCase, showDateTime } from '../../../../shared/domain/money';
import type { QueueRow } from '../../core/contract';
import { FittedTable, type FitColumn } from '../../ui/FittedTable';
import { erasureMarkText } from '../../../../shared/orders/erasureMarks';
import { useErasureMarks } from '../../state/useErasedOrders';
import { caseOf } from '../../../../shared/team/caseKeys';
import { CaseClaimBar, ClaimMarker } from '../team';
import { RingDecision, RingVerdictNote } from './RingDecision';
import { awaitsDecision, decideBy, overdue, stateLabel } from './queueState';

/** Rows drawn: the queue is worked from the top. */
const SHOWN = 300;

export function ReviewQueueTable({
  queue,
  all,
  at,
  now,
  reasons,
  onPick,
  onRingDecided,
}: {
  /** The rows the filters list, worked from the top. */
  queue: QueueRow[];
  /** The whole queue: a ring is decided whole, whatever the filters list of it. */
  all: readonly QueueRow[];
  at: number;
  now: number;
  reasons: ReasonLists;
  onPick(index: number): void;
  onRingDecided(entries: DecisionEntry[]): Promise<void>;
}) {
  const columns: FitColumn<QueueRow>[] = [
    { id: 'score', priority: 1, header: 'Score', right: true, cell: (r) => <strong>{r.score}</strong> },
    // Never hidden to fit: a held row must read as held.
    { id: 'state', priority: 1, header: 'State', cell: (r) => <span className={`status state-${r.state}`}>{stateLabel(r)}</span> },
    {
      id: 'order',
      priority: 1,
      header: 'Order',
      cell: (r) => (
        <>
          {r.externalId}
          <ClaimMarker of={caseOf.order(r.orderKey)} />
        </>
      ),
    },
    { id: 'channel', priority: 3, header: 'Channel', cell: (r) => r.channel },
    { id: 'total', priority: 2, header: 'Total', right: true, cell: (r) => formatMoney(r.totalMinor, r.currency) },
    { id: 'placed', priority: 4, header: 'Placed (UTC)', cell: (r) => showDateTime(r.createdAt) },
    { id: 'decideBy', priority: 1, header: 'Decide by', cell: (r) => decideBy(r, now) },
  ];
  const current = queue[at];
  const markOf = useErasureMarks();
  const mark = current ? markOf(current.orderKey, current.createdAt) : null;
  const ringRows = current?.ringId ? all.filter((r) => r.ringId === current.ringId) : [];
  // The first rows, and on to the cursor when J takes it further: the rest are counted below.
  const drawn = queue.slice(0, Math.max(SHOWN, at + 1));
  return (
    <div className="review-body">
      <div className="queue-list">
        <FittedTable
          tableId="review-queue"
          scrolls
          rows={drawn}
          columns={columns}
          rowKey={(r) => r.orderKey}
          rowProps={(r, i) => ({
            'data-queue-row': i,
            'aria-selected': i === at,
            className: `clickable${i === at ? ' selected' : ''}${overdue(r, now) ? ' overdue' : ''}`,
            onClick: () => onPick(i),
          })}
          label="Review queue"
        />
        {queue.length > drawn.length && (
          <p className="muted" data-testid="queue-more">
            The first {formatCount(drawn.length)} of {formatCount(queue.length)} are listed; J moves on past them, and the filters narrow the rest.
          </p>
        )}
      </div>
      {current && (
        <aside className="panel" aria-label={`Why order ${current.externalId} scores ${current.score}`}>
          <h2>
            {current.externalId} · score {current.score} ({current.outcome}, matrix v{current.matrixVersion})
          </h2>
          <p className="muted">
            {current.channel} · {formatMoney(current.totalMinor, current.currency)} · placed {showDateTime(current.createdAt)} UTC
          </p>
          {!awaitsDecision(current) && (
            <p className="warning" data-testid="queued-held">
              {sentenceCase(stateLabel(current))}: on hold, no longer to decide. R releases it, C cancels it.
            </p>
          )}
          <CaseClaimBar of={caseOf.order(current.orderKey)} what="order" />
          <ul data-testid="fired-rules">
            {current.fired.map((f) => (
              <li key={f.ruleId}>{f.text}</li>
            ))}
          </ul>
          {/* An erased order's e-mail says why it is blank, as in Orders. */}
          <p className="muted" data-testid="queued-email">
            {current.email || (mark && <span className="erased-mark">{erasureMarkText(mark)}</span>)}
          </p>
          {current.ringId && ringRows.length > 1 && (
            <RingDecision
              key={current.ringId}
              ringId={current.ringId}
              rows={ringRows}
              listed={queue === all ? null : new Set(queue.map((r) => r.orderKey))}
              reasons={reasons}
              onDone={onRingDecided}
            />
          )}
          {/* The only one of its ring in the queue: no ring box, but its ring's verdict all the same. */}
          {current.ringId && ringRows.length === 1 && <RingVerdictNote ringId={current.ringId} verdict={current.ringVerdict} />}
        </aside>
      )}
    </div>
  );
}
