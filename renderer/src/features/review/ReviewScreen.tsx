// The review queue, keyboard first: J/K move, H hold, R release, C cancel, N note, ? the keys.
// Hold and cancel ask for a reason code; every decision lands in the hash-chained decision log,
// which "Verify log" checks end to end.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Decision, DecisionEntry } from '../../../../shared/decisions/chain';
import { needsReasonCode, reasonCodesFor } from '../../../../shared/decisions/reasons';
import { UNDO_WINDOW_MS } from '../../../../shared/decisions/undo';
import { countdown } from '../../../../shared/disputes/deadlines';
import { formatCount, formatDateTime, formatMoney } from '../../../../shared/domain/money';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { cache } from '../../core/client';
import { type ReviewSettings, SLA_HOURS, type QueueRow } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { MatrixPanel } from './MatrixPanel';
import { DecisionLogPanel } from './DecisionLogPanel';
import { RingDecision } from './RingDecision';
import { ErrorAlert } from '../../app/Alerts';

const KEYS: [string, string][] = [
  ['J / K', 'next / previous order'],
  ['H', 'hold (reason code needed)'],
  ['R', 'release (reason optional)'],
  ['C', 'cancel (reason code needed)'],
  ['N', 'add a note'],
  ['U', `undo your last decision (within ${UNDO_WINDOW_MS / 60_000} minutes)`],
  ['?', 'show or hide these keys'],
  ['Esc', 'close the form'],
];

const VERB: Record<Decision, string> = { hold: 'Hold', release: 'Release', cancel: 'Cancel', note: 'Note', undo: 'Undo', restore: 'Restore', erasure: 'Erasure', retention: 'Retention' };

export function ReviewScreen() {
  const version = useUi((s) => s.cacheVersion);
  const [queue, setQueue] = useState<QueueRow[] | null>(null);
  const [log, setLog] = useState<DecisionEntry[] | null>(null);
  const [at, setAt] = useState(0);
  const [form, setForm] = useState<{ decision: Decision; reason: string; note: string } | null>(null);
  const [help, setHelp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The last decision (one entry, or one per order of a ring decision), undoable with U.
  const [lastMade, setLastMade] = useState<DecisionEntry[] | null>(null);
  const [settings, setSettings] = useState<ReviewSettings | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const box = useRef<HTMLElement>(null);

  const load = useCallback(async () => {
    try {
      const [q, l, s] = await Promise.all([cache.reviewQueue(), cache.decisionLog(), cache.reviewSettings()]);
      setSettings(s);
      setQueue(q);
      setLog(l);
      setAt((i) => Math.min(i, Math.max(0, q.length - 1)));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    setQueue(null);
    void load();
  }, [version, load]);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);

  const current = queue?.[at] ?? null;
  const submit = async () => {
    if (!form || !current) return;
    setError(null);
    try {
      const entry = await cache.decide(current.orderKey, form.decision, form.reason, form.note);
      setLastMade(entry.decision === 'note' ? null : [entry]);
      setForm(null);
      await load();
      box.current?.focus();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const undo = async () => {
    if (!lastMade) return;
    setError(null);
    try {
      // A ring decision is undone whole: every undo is logged, or none is.
      await cache.undoDecisions(lastMade.map((e) => e.seq));
      setLastMade(null);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (form || e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('input, select, textarea, details, fieldset')) return;
    const k = e.key.toLowerCase();
    if (k === 'j') setAt((i) => Math.min(i + 1, (queue?.length ?? 1) - 1));
    else if (k === 'k') setAt((i) => Math.max(i - 1, 0));
    else if (k === '?') setHelp((h) => !h);
    else if (k === 'u' && lastMade) void undo();
    else if (current && (k === 'h' || k === 'r' || k === 'c' || k === 'n')) {
      const decision: Decision = k === 'h' ? 'hold' : k === 'r' ? 'release' : k === 'c' ? 'cancel' : 'note';
      setForm({ decision, reason: '', note: '' });
    } else return;
    e.preventDefault();
  };

  useEffect(() => {
    document.querySelector(`[data-queue-row="${at}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  const reasons = form && settings ? reasonCodesFor(form.decision, settings) : [];
  return (
    <section className="screen review" aria-labelledby="screen-title" tabIndex={0} ref={box} onKeyDown={onKey} aria-keyshortcuts="J K H R C N ?">
      <header className="screen-head">
        <h1 id="screen-title">Review</h1>
        {queue && (
          <span className="count" data-testid="queue-count">
            {formatCount(queue.length)} orders to decide · {formatCount(queue.filter((r) => r.slaDueAt < now).length)} past the {settings?.slaHours ?? SLA_HOURS} h target · press ? for the keys
          </span>
        )}
      </header>
      <ErrorAlert message={error} />
      {!queue && !error && <p role="status">Scoring orders…</p>}
      {lastMade && (
        <p role="status" data-testid="last-decision">
          {lastMade.length === 1
            ? `${VERB[lastMade[0]!.decision]} of ${lastMade[0]!.orderKey.split(':').slice(1).join(':')} logged as entry ${lastMade[0]!.seq}.`
            : `${VERB[lastMade[0]!.decision]} of ${lastMade.length} orders of the ring logged as entries ${lastMade[0]!.seq}–${lastMade.at(-1)!.seq}.`}{' '}
          <button className="link" onClick={() => void undo()}>
            Undo (U)
          </button>
        </p>
      )}
      {help && (
        <div className="panel" role="dialog" aria-label="Keyboard shortcuts">
          <table className="history">
            <tbody>
              {KEYS.map(([k, v]) => (
                <tr key={k}>
                  <td>
                    <kbd>{k}</kbd>
                  </td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {form && current && (
        <form
          className="confirm"
          aria-label={`${VERB[form.decision]} order ${current.externalId}`}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setForm(null);
              box.current?.focus();
            }
          }}
        >
          <strong>
            {VERB[form.decision]} order {current.externalId}
          </strong>
          {form.decision !== 'note' && (
            <select aria-label="Reason code" autoFocus value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })}>
              <option value="">{form.decision === 'release' ? 'No reason code' : 'Choose a reason code…'}</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
          <input aria-label="Decision note" autoFocus={form.decision === 'note'} placeholder="Note" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} size={40} />
          <button type="submit" className="primary" disabled={needsReasonCode(form.decision) && !form.reason}>
            {VERB[form.decision]}
          </button>
          <button type="button" onClick={() => setForm(null)}>
            Cancel form (Esc)
          </button>
        </form>
      )}
      {queue && queue.length === 0 && <p className="empty-state">Nothing to review: no open order scores into review or hold with the current matrix.</p>}
      {queue && queue.length > 0 && (
        <div className="review-body">
          <table className="history" aria-label="Review queue">
            <thead>
              <tr>
                <th className="right">Score</th>
                <th>State</th>
                <th>Order</th>
                <th>Channel</th>
                <th className="right">Total</th>
                <th>Placed (UTC)</th>
                <th>Decide by</th>
              </tr>
            </thead>
            <tbody>
              {queue.slice(0, 300).map((r, i) => (
                <tr key={r.orderKey} data-queue-row={i} aria-selected={i === at} className={`clickable${i === at ? ' selected' : ''}${r.slaDueAt < now ? ' overdue' : ''}`} onClick={() => setAt(i)}>
                  <td className="right">
                    <strong>{r.score}</strong>
                  </td>
                  <td>
                    <span className={`status state-${r.state}`}>{r.state}</span>
                  </td>
                  <td>{r.externalId}</td>
                  <td>{MARKETPLACE_LABEL[r.marketplace]}</td>
                  <td className="right">{formatMoney(r.totalMinor, r.currency)}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{countdown(r.slaDueAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
              {current.ringId && queue.filter((r) => r.ringId === current.ringId).length > 1 && (
                <RingDecision key={current.ringId} ringId={current.ringId} rows={queue.filter((r) => r.ringId === current.ringId)}
                  reasons={settings?.holdReasons ?? []}
                  onDone={async (entries) => {
                    setLastMade(entries);
                                  await load();
                  }}
                />
              )}
            </aside>
          )}
        </div>
      )}
      <MatrixPanel onSaved={() => void load()} />
      {log && <DecisionLogPanel log={log} />}
    </section>
  );
}
