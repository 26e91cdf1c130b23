// Decide every queued order of a ring at once, with per-order exceptions.
import { ringName } from '../../../../shared/linking/rings';
import { useState } from 'react';
import { formatMoney } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import type { QueueRow } from '../../core/contract';
import type { DecisionEntry, OrderDecision } from '../../../../shared/decisions/chain';
import { needsReasonCode } from '../../../../shared/decisions/reasons';
import { ErrorAlert } from '../../app/Alerts';
import { useActions } from '../../ui/useAsync';
import { stateLabel } from './queueState';

const RING_DECISIONS: readonly [OrderDecision, string][] = [
  ['hold', 'Hold'],
  ['cancel', 'Cancel'],
  ['release', 'Release'],
];

export function RingDecision({
  ringId,
  rows,
  reasons,
  onDone,
}: {
  ringId: string;
  rows: QueueRow[];
  reasons: readonly string[];
  onDone(entries: DecisionEntry[]): Promise<void>;
}) {
  const [except, setExcept] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const { run, error } = useActions();
  const chosen = rows.filter((r) => !except.has(r.orderKey));
  const decide = (decision: OrderDecision) =>
    run(async () => {
      const entries = await cache.decideMany(
        chosen.map((r) => r.orderKey),
        decision,
        reason,
        `ring decision on the ${ringName(ringId)}${except.size ? `, ${except.size} excepted` : ''}`,
      );
      setExcept(new Set());
      await onDone(entries);
    });
  return (
    <fieldset className="ring-decision" aria-label="Decide the ring">
      <legend>Its ring: {rows.length} orders in the queue</legend>
      {rows.map((r) => (
        <label key={r.orderKey} className="inline block">
          <input
            type="checkbox"
            aria-label={`Include ${r.externalId}`}
            checked={!except.has(r.orderKey)}
            onChange={() => {
              const next = new Set(except);
              if (next.has(r.orderKey)) next.delete(r.orderKey);
              else next.add(r.orderKey);
              setExcept(next);
            }}
          />{' '}
          {r.externalId} · {formatMoney(r.totalMinor, r.currency)} · score {r.score} · {stateLabel(r)}
        </label>
      ))}
      <div className="toolbar">
        <select aria-label="Ring reason code" value={reason} onChange={(e) => setReason(e.target.value)}>
          <option value="">Reason code…</option>
          {reasons.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {RING_DECISIONS.map(([decision, verb]) => (
          <button key={decision} disabled={(needsReasonCode(decision) && !reason) || chosen.length === 0} onClick={() => void decide(decision)}>
            {verb} {chosen.length}
          </button>
        ))}
      </div>
      <ErrorAlert message={error} />
    </fieldset>
  );
}
