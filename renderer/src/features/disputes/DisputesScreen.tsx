// Disputes by deadline: overdue and due within 48 hours first, each with its reason family and
// its order; Visa 10.4 disputes show whether local history gives CE 3.0 evidence.
import { useEffect, useMemo, useState } from 'react';
import { byDeadline, countdown, urgencyOf, type Urgency } from '../../../../shared/disputes/deadlines';
import { REASON_FAMILIES, REASON_FAMILY_LABEL, type ReasonFamily } from '../../../../shared/disputes/reasonCodes';
import { NEXT_STATUS, STATUS_LABEL } from '../../../../shared/disputes/workflow';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../../../shared/domain/money';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { cache } from '../../core/client';
import type { DisputeDetail, DisputeRow } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { ErrorAlert } from '../../app/Alerts';

const URGENCY_LABEL: Record<Urgency, string> = {
  overdue: 'Overdue',
  'due-48h': 'Due within 48 h',
  open: 'Open',
  'no-deadline': 'No response allowed',
  closed: 'Submitted or closed',
};

export function DisputesScreen() {
  const version = useUi((s) => s.cacheVersion);
  const showRingOf = useUi((s) => s.showRingOf);
  const [rows, setRows] = useState<DisputeRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [family, setFamily] = useState<ReasonFamily | 'all'>('all');
  const [open, setOpen] = useState<DisputeDetail | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    setRows(null);
    cache.disputeList().then(setRows, (e: Error) => setError(e.message));
  }, [version]);
  // Countdowns move on by the minute.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);

  const sorted = useMemo(() => byDeadline((rows ?? []).filter((r) => family === 'all' || r.family === family), now), [rows, family, now]);
  const counts = useMemo(() => {
    const c: Record<Urgency, number> = { overdue: 0, 'due-48h': 0, open: 0, 'no-deadline': 0, closed: 0 };
    for (const r of rows ?? []) c[urgencyOf(r, now)]++;
    return c;
  }, [rows, now]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Disputes</h1>
        {rows && (
          <span className="count" data-testid="disputes-count">
            {formatCount(rows.length)} disputes · {formatCount(counts.overdue)} overdue · {formatCount(counts['due-48h'])} due within 48 h
          </span>
        )}
      </header>
      <ErrorAlert message={error} />
      {!rows && !error && <p role="status">Reading disputes…</p>}
      {rows && rows.length === 0 && <p className="empty-state">No disputes in the cache yet. Import a Stripe, Adyen or generic dispute report on the Imports screen.</p>}
      {open && (
        <DisputeDetailView
          d={open}
          now={now}
          onClose={() => setOpen(null)}
          onChange={async () => {
            const [detail, list] = await Promise.all([cache.disputeDetail(open.id), cache.disputeList()]);
            setOpen(detail);
            setRows(list);
          }}
        />
      )}
      {rows && rows.length > 0 && (
        <>
          <div className="toolbar">
            <div className="chips" role="tablist" aria-label="Reason families">
              {(['all', ...REASON_FAMILIES] as const).map((f) => (
                <button key={f} role="tab" aria-selected={family === f} className={family === f ? 'chip on' : 'chip'} onClick={() => setFamily(f)}>
                  {f === 'all' ? 'All' : REASON_FAMILY_LABEL[f]} ({f === 'all' ? rows.length : rows.filter((r) => r.family === f).length})
                </button>
              ))}
            </div>
          </div>
          <table className="history" aria-label="Disputes by deadline">
            <thead>
              <tr>
                <th>Due</th>
                <th>Status</th>
                <th>Reason</th>
                <th>Family</th>
                <th className="right">Amount</th>
                <th>Opened</th>
                <th>Order</th>
                <th>CE 3.0</th>
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, 500).map((r) => {
                const urgency = urgencyOf(r, now);
                return (
                  <tr key={r.id} className={`clickable urgency-${urgency}`} data-urgency={urgency} onClick={async () => setOpen(await cache.disputeDetail(r.id))}>
                    <td title={r.dueAt ? formatDateTime(r.dueAt) : ''}>
                      <strong>{r.dueAt && urgency !== 'closed' ? countdown(r.dueAt, now) : '—'}</strong>
                      <div className="muted">{URGENCY_LABEL[urgency]}</div>
                    </td>
                    <td>
                      <span className="status">{r.status.replace('_', ' ')}</span>
                    </td>
                    <td title={r.reasonLabel}>
                      {r.network} {r.reasonCode} <span className="muted">{r.reasonLabel}</span>
                    </td>
                    <td>{REASON_FAMILY_LABEL[r.family]}</td>
                    <td className="right">{formatMoney(r.amountMinor, r.currency)}</td>
                    <td>{formatDate(r.openedAt)}</td>
                    <td>
                      {r.order ? `${r.order.externalId} · ${MARKETPLACE_LABEL[r.order.marketplace]}` : <span className="muted">not in cache</span>}
                      {r.ringId && (
                        <button
                          className="link"
                          aria-label={`Show the ring of ${r.order?.externalId ?? r.orderKey}`}
                          onClick={(e) => {
                            e.stopPropagation();
                            showRingOf(r.orderKey);
                          }}
                        >
                          {' '}
                          in a ring
                        </button>
                      )}
                    </td>
                    <td>{r.ce3 ? r.ce3.qualifies ? <span className="status status-fulfilled">eligible ({r.ce3.priors} orders)</span> : <span className="muted">not eligible</span> : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sorted.length > 500 && <p className="muted">Showing the 500 most urgent of {formatCount(sorted.length)}.</p>}
        </>
      )}
    </section>
  );
}

function DisputeDetailView({ d, now, onClose, onChange }: { d: DisputeDetail; now: number; onClose(): void; onChange(): Promise<void> }) {
  const check = d.ce3Check;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (job: () => Promise<void>) => {
    setError(null);
    try {
      await job();
      await onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const done = d.evidence.filter((e) => e.checked).length;
  return (
    <section className="panel wide" aria-label={`Dispute ${d.id}`}>
      <header className="wizard-head">
        <h2>
          {d.network} {d.reasonCode} · {d.reasonLabel} · {formatMoney(d.amountMinor, d.currency)}
        </h2>
        <button className="link" onClick={onClose} aria-label="Close the dispute">
          ✕
        </button>
      </header>
      <p className="muted">
        {REASON_FAMILY_LABEL[d.family]} · opened {formatDate(d.openedAt)} · {d.dueAt ? `respond by ${formatDateTime(d.dueAt)} (${countdown(d.dueAt, now)})` : 'no response allowed'} · {d.provider}{' '}
        {d.id} · order {d.order ? d.order.externalId : `${d.orderKey || 'unknown'} (not in cache)`}
      </p>
      <div className="toolbar" role="group" aria-label="Dispute status">
        <span>
          Status: <strong data-testid="dispute-status">{STATUS_LABEL[d.status]}</strong>
        </span>
        {NEXT_STATUS[d.status].map((to) => (
          <button key={to} onClick={() => void act(() => cache.setDisputeStatus(d.id, to, note).then(() => setNote('')))}>
            → {STATUS_LABEL[to]}
          </button>
        ))}
        {NEXT_STATUS[d.status].length > 0 && <input aria-label="Status note" placeholder="Note for the change (optional)" value={note} onChange={(e) => setNote(e.target.value)} size={36} />}
      </div>
      <ErrorAlert message={error} />
      <div className="ring-body">
        <fieldset className="evidence">
          <legend>
            Evidence ({done} of {d.evidence.length})
          </legend>
          {d.evidence.map((e) => (
            <label key={e.item} className="inline block">
              <input type="checkbox" checked={e.checked} onChange={() => void act(() => cache.setDisputeEvidence(d.id, e.item, !e.checked))} /> {e.item}
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
                  {formatDateTime(e.at)} · {e.analyst}:{' '}
                  {e.kind === 'status' ? `status → ${STATUS_LABEL[e.status!]}${e.note ? ` (${e.note})` : ''}` : `${e.checked ? 'ticked' : 'unticked'} “${e.item}”`}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {check && (
        <div data-testid="ce3-check">
          <h3>Visa Compelling Evidence 3.0: {check.qualifies ? 'eligible' : 'not eligible'}</h3>
          <p>{check.why}.</p>
          {d.priorOrders.length > 0 && (
            <table className="history" aria-label="CE 3.0 prior orders">
              <thead>
                <tr>
                  <th>Date (UTC)</th>
                  <th>Order</th>
                  <th>Channel</th>
                  <th>Total</th>
                  <th>Shares</th>
                </tr>
              </thead>
              <tbody>
                {check.priors.map((p) => {
                  const o = d.priorOrders.find((x) => `${x.source}:${x.externalId}` === p.orderKey);
                  return (
                    <tr key={p.orderKey}>
                      <td>{formatDateTime(p.createdAt)}</td>
                      <td>{o?.externalId ?? p.orderKey}</td>
                      <td>{o ? MARKETPLACE_LABEL[o.marketplace] : ''}</td>
                      <td>{o ? formatMoney(o.totalMinor, o.currency) : ''}</td>
                      <td>{p.shared.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
