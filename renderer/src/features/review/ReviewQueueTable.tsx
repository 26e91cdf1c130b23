// The review queue, riskiest first, with the order at the cursor explained beside it: the rules
// that fired, and its ring's other queued orders to decide at once.
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { countdown } from '../../../../shared/disputes/deadlines';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import type { QueueRow } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { RingDecision } from './RingDecision';

/** Rows drawn: the queue is worked from the top. */
const SHOWN = 300;

export function ReviewQueueTable({
  queue,
  at,
  now,
  holdReasons,
  onPick,
  onRingDecided,
}: {
  queue: QueueRow[];
  at: number;
  now: number;
  holdReasons: readonly string[];
  onPick(index: number): void;
  onRingDecided(entries: DecisionEntry[]): Promise<void>;
}) {
  const columns: Column<QueueRow>[] = [
    { header: 'Score', right: true, cell: (r) => <strong>{r.score}</strong> },
    { header: 'State', cell: (r) => <span className={`status state-${r.state}`}>{r.state}</span> },
    { header: 'Order', cell: (r) => r.externalId },
    { header: 'Channel', cell: (r) => MARKETPLACE_LABEL[r.marketplace] },
    { header: 'Total', right: true, cell: (r) => formatMoney(r.totalMinor, r.currency) },
    { header: 'Placed (UTC)', cell: (r) => showDateTime(r.createdAt) },
    { header: 'Decide by', cell: (r) => countdown(r.slaDueAt, now) },
  ];
  const current = queue[at];
  const ringRows = current?.ringId ? queue.filter((r) => r.ringId === current.ringId) : [];
  return (
    <div className="review-body">
      <HistoryTable
        rows={queue.slice(0, SHOWN)}
        columns={columns}
        rowKey={(r) => r.orderKey}
        rowProps={(r, i) => ({
          'data-queue-row': i,
          'aria-selected': i === at,
          className: `clickable${i === at ? ' selected' : ''}${r.slaDueAt < now ? ' overdue' : ''}`,
          onClick: () => onPick(i),
        })}
        label="Review queue"
      />
      {current && (
        <aside className="panel" aria-label={`Why order ${current.externalId} scores ${current.score}`}>
          <h2>
            {current.externalId} · score {current.score} ({current.outcome}, matrix v{current.matrixVersion})
          </h2>
          <ul data-testid="fired-rules">
            {current.fired.map((f) => (
              <li key={f.ruleId}>{f.text}</li>
            ))}
          </ul>
          <p className="muted">{current.email}</p>
          {current.ringId && ringRows.length > 1 && (
            <RingDecision key={current.ringId} ringId={current.ringId} rows={ringRows} reasons={holdReasons} onDone={onRingDecided} />
          )}
        </aside>
      )}
    </div>
  );
}
