// Decide every queued order of a ring at once, with per-order exceptions.
import { ringName } from '../../../../shared/linking/rings';
import { useState } from 'react';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import type { QueueRow } from '../../core/contract';
import type { DecisionEntry, OrderDecision } from '../../../../shared/decisions/chain';
import { needsReasonCode, reasonCodesFor, reasonGroups, type ReasonLists } from '../../../../shared/decisions/reasons';
import { ErrorAlert } from '../../app/Alerts';
import { useActions } from '../../ui/useAsync';
import { awaitsDecision, stateLabel } from './queueState';
import { useUi } from '../../state/uiStore';

const RING_DECISIONS: readonly [OrderDecision, string][] = [
  ['hold', 'Hold'],
  ['cancel', 'Cancel'],
  ['release', 'Release'],
];

export function RingDecision({
  ringId,
  rows,
  listed,
  reasons,
  onDone,
}: {
  ringId: string;
  rows: QueueRow[];
  /** The orders the queue's filters list, or null when they list the whole queue: the ring is decided whole all the same. */
  listed: ReadonlySet<string> | null;
  /** The codes of Settings: a hold or cancel takes one of the hold list, a release one of the release list or none. */
  reasons: ReasonLists;
  onDone(entries: DecisionEntry[]): Promise<void>;
}) {
  // What the analyst ticked or unticked; otherwise an order is in unless an analyst already holds it:
  // a ring decision is for what is still to decide, and must not reverse a hold by the way.
  const [choice, setChoice] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [confirming, setConfirming] = useState<OrderDecision | null>(null);
  const [reason, setReason] = useState('');
  const { run, error } = useActions();
  const included = (r: QueueRow) => choice.get(r.orderKey) ?? awaitsDecision(r);
  const chosen = rows.filter(included);
  // Left out: unticked by the analyst (excepted), or already held and so not part of what is still
  // to decide. The log says which: a held order counted as "excepted" read as a choice nobody made.
  const left = rows.filter((r) => !included(r));
  const excepted = left.filter(awaitsDecision).length;
  const alreadyHeld = left.length - excepted;
  const leftOut = [
    excepted ? `${excepted} excepted` : '',
    alreadyHeld ? `${alreadyHeld} already held left as ${alreadyHeld === 1 ? 'it was' : 'they were'}` : '',
  ]
    .filter(Boolean)
    .map((part) => `, ${part}`)
    .join('');
  const held = chosen.filter((r) => !awaitsDecision(r));
  const verdict = rows[0]?.ringVerdict ?? null;
  // Releasing the orders of a ring confirmed as fraud goes against the team's verdict (and needs no
  // reason code, so one click would do it): said, and asked once more.
  const againstVerdict = (decision: OrderDecision) => decision === 'release' && verdict?.status === 'confirmed-fraud';
  const fits = (decision: OrderDecision) => (reason ? reasonCodesFor(decision, reasons).includes(reason) : !needsReasonCode(decision));
  const decide = (decision: OrderDecision) => {
    // Releasing or cancelling a held order reverses an analyst's hold: said, and asked once more.
    if (((decision !== 'hold' && held.length > 0) || againstVerdict(decision)) && confirming !== decision) {
      setConfirming(decision);
      return;
    }
    return run(async () => {
      const entries = await cache.decideMany(
        chosen.map((r) => r.orderKey),
        decision,
        reason,
        `ring decision on the ${ringName(ringId)}${leftOut}`,
      );
      setChoice(new Map());
      setConfirming(null);
      await onDone(entries);
    });
  };
  return (
    <fieldset className="ring-decision" aria-label="Decide the ring">
      <legend>Its ring: {rows.length} orders in the queue</legend>
      <RingVerdictNote ringId={ringId} verdict={verdict} />
      {rows.map((r) => (
        <label key={r.orderKey} className="inline block">
          <input
            type="checkbox"
            aria-label={`Include ${r.externalId}`}
            checked={included(r)}
            onChange={() => {
              setChoice(new Map(choice).set(r.orderKey, !included(r)));
              setConfirming(null);
            }}
          />{' '}
          {r.externalId} · {formatMoney(r.totalMinor, r.currency)} · score {r.score} · {stateLabel(r)}
          {listed && !listed.has(r.orderKey) && <span className="muted"> · not listed under the filters</span>}
        </label>
      ))}
      <div className="toolbar">
        <select aria-label="Ring reason code" value={reason} onChange={(e) => setReason(e.target.value)}>
          <option value="">Reason code…</option>
          {reasonGroups(reasons).map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.codes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {RING_DECISIONS.map(([decision, verb]) => (
          <button key={decision} disabled={!fits(decision) || chosen.length === 0} onClick={() => void decide(decision)}>
            {verb} {chosen.length}
          </button>
        ))}
      </div>
      {confirming && (
        <p role="alert" className="warning">
          {againstVerdict(confirming) &&
            verdict &&
            `The ring was confirmed as fraud by ${verdict.analyst} (${showDateTime(verdict.at)} UTC): releasing lets its orders ship. `}
          {held.length > 0 && (
            <>
              {held.length === 1 ? `${held[0]!.externalId} is` : `${held.length} of these orders are`} on hold ({[...new Set(held.map(stateLabel))].join(', ')}
              ): {confirming === 'release' ? 'releasing' : 'cancelling'} {held.length === 1 ? 'it' : 'them'} reverses that hold.{' '}
            </>
          )}
          Press {RING_DECISIONS.find(([d]) => d === confirming)![1]} {chosen.length} again to go ahead
          {held.length > 0 ? `, or untick ${held.length === 1 ? 'it' : 'them'}` : ''}.
        </p>
      )}
      <ErrorAlert message={error} />
    </fieldset>
  );
}

/**
 * The verdict that stands on an order's ring, as Review scores with it, and the way back to the
 * ring on the Rings screen (where the verdict is given).
 */
export function RingVerdictNote({ ringId, verdict }: { ringId: string; verdict: QueueRow['ringVerdict'] }) {
  const showRingOf = useUi((s) => s.showRingOf);
  const text = !verdict
    ? 'Its ring is not judged fraud or benign yet.'
    : verdict.status === 'confirmed-fraud'
      ? `Confirmed fraud by ${verdict.analyst}, ${showDateTime(verdict.at)} UTC: its orders score as such.`
      : `Judged benign by ${verdict.analyst}, ${showDateTime(verdict.at)} UTC: its ring size and chargebacks add nothing to its orders' scores.`;
  return (
    <p className={verdict?.status === 'confirmed-fraud' ? 'warning' : 'muted'} data-testid="ring-verdict">
      {text}{' '}
      <button type="button" className="link" onClick={() => showRingOf(ringId.replace(/^ring:/, ''))}>
        Show the ring
      </button>
    </p>
  );
}
