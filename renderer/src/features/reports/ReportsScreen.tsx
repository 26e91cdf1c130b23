// Reports for compliance: the fraud trend and the KPIs of a chosen range, saved as snapshots that
// reopen unchanged, exported as PDF (a print layout with a title page), CSV per table and PNG per
// chart. Figures come from the cache worker (reportService.ts); this screen only shows them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDate, formatDateTime, parseDate } from '../../../../shared/domain/money';
import { DIMENSION_LABEL, fraudRate, TREND_DIMENSIONS, type TrendDimension, type TrendReport } from '../../../../shared/reports/fraudTrend';
import { ordersBehindFigure, type OrdersWhat } from '../../../../shared/reports/ordersBehind';
import type { KpiReport } from '../../../../shared/reports/kpi';
import { nextPeriod, periodStart, type PeriodKind } from '../../../../shared/reports/periods';
import { cache } from '../../core/client';
import type { KpiResult, RingsOfRange, TrendResult, ReportSnapshotRecord } from '../../core/contract';
import { exportPdf as printAndLog } from '../../app/exportFile';
import { titleWithHead } from '../../../../shared/decisions/witnessFiles';
import { useUi } from '../../state/uiStore';
import { useReportParams } from './reportParams';
import { FraudTrendView, type TrendRings } from './FraudTrendView';
import { KpiView } from './KpiView';
import { pct } from './reportParts';
import { RatesEditor, ThresholdsEditor } from './ReportSettings';
import { ErrorAlert } from '../../app/Alerts';

const DAY = 86_400_000;

interface TrendFigures {
  report: TrendReport;
  rings: TrendRings | null;
  sources: string[];
  /** First and last order time in the cache when computed (absent in older snapshots). */
  dataSpan?: { min: number; max: number } | null;
}
interface KpiFigures {
  report: KpiReport;
  sources: string[];
}
type Shown =
  | { kind: 'fraud-trend'; figures: TrendFigures; dataHash: string; snapshot: ReportSnapshotRecord | null; intact?: boolean; dataNow?: string }
  | { kind: 'kpi'; figures: KpiFigures; dataHash: string; snapshot: ReportSnapshotRecord | null; intact?: boolean; dataNow?: string };

/** File-name part for exports: what the report covers, and its snapshot when saved. */
function stampOf(s: Shown): string {
  const what = s.kind === 'fraud-trend' ? `${s.figures.report.params.period}-${s.figures.report.periods[0]!.label}-to-${s.figures.report.periods.at(-1)!.label}` : `${formatDate(s.figures.report.from)}-to-${formatDate(s.figures.report.to - DAY)}`;
  return s.snapshot ? `${what}-snapshot-${s.snapshot.id}` : what;
}

function titleOf(s: Shown): string {
  if (s.kind === 'fraud-trend') {
    const p = s.figures.report.params;
    return `Fraud trend, ${p.period === 'week' ? 'weekly' : 'monthly'} by ${DIMENSION_LABEL[p.dimension].toLowerCase()}, ${s.figures.report.periods[0]!.label} to ${s.figures.report.periods.at(-1)!.label}`;
  }
  return `KPI report ${formatDate(s.figures.report.from)} to ${formatDate(s.figures.report.to - DAY)}`;
}

export function ReportsScreen() {
  const version = useUi((s) => s.cacheVersion);
  const showOrders = useUi((s) => s.showOrders);
  const showRingOf = useUi((s) => s.showRingOf);
  const { tab, setTab, period, setPeriod, dimension, setDimension, range, setRange, kpiRange, setKpiRange } = useReportParams();
  const [span, setSpan] = useState<{ min: number; max: number } | null | undefined>(undefined);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [snapshots, setSnapshots] = useState<Omit<ReportSnapshotRecord, 'figures'>[] | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    cache.overview().then((o) => {
      setSpan(o.span);
      if (o.span) {
        const end = Math.floor(o.span.max / DAY) * DAY;
        setRange((r) => r ?? { from: formatDate(periodStart('week', end) - 11 * 7 * DAY), to: formatDate(end) });
        const m = periodStart('month', end);
        setKpiRange((r) => r ?? { from: formatDate(m), to: formatDate(nextPeriod('month', m) - DAY) });
      }
    }, (e: Error) => setError(e.message));
  }, [version, setRange, setKpiRange]);

  /** True while an opened snapshot is on screen: live figures must not replace it. */
  const pinned = useRef(false);

  /**
   * Runs one report for a range of days (inclusive): a bad range or a failure clears the report,
   * so figures that no longer match the parameters cannot stay on screen to be saved or printed.
   */
  const runReport = useCallback(async (days: { from: string; to: string } | null, compute: (from: number, toExclusive: number) => Promise<Shown | null>) => {
    if (!days) return;
    const from = parseDate(days.from);
    const to = parseDate(days.to);
    const fail = (message: string) => {
      setShown(null);
      setError(message);
    };
    if (from === null || to === null) return fail('Dates are YYYY-MM-DD');
    if (to < from) return fail('The range must end on or after its first day');
    setError(null);
    setBusy(true);
    try {
      const next = await compute(from, to + DAY);
      if (next && !pinned.current) setShown(next);
    } catch (e) {
      fail((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);

  const runTrend = useCallback(
    () =>
      runReport(range, async (from, to) => {
        const result: TrendResult = await cache.fraudTrend({ period, from, to, dimension });
        if (pinned.current) return null;
        const r = result.report;
        setShown({ kind: 'fraud-trend', figures: { report: r, rings: null, sources: result.sources, dataSpan: span ?? null }, dataHash: result.dataHash, snapshot: null });
        // Rings may need linking first (seconds on a large cache): the figures show before them.
        const rings: RingsOfRange = await cache.reportRings(r.periods[0]!.from, r.periods.at(-1)!.to);
        setShown((s) => (s && s.kind === 'fraud-trend' && s.figures.report === r ? { ...s, figures: { ...s.figures, rings: { top: rings.top, fresh: rings.fresh } } } : s));
        return null;
      }),
    [runReport, range, period, dimension, span],
  );

  const runKpi = useCallback(
    () =>
      runReport(kpiRange, async (from, to) => {
        const result: KpiResult = await cache.kpiReport(from, to);
        return { kind: 'kpi', figures: { report: result.report, sources: result.sources }, dataHash: result.dataHash, snapshot: null };
      }),
    [runReport, kpiRange],
  );

  // Each tab shows its report for the current parameters; an opened snapshot stays until the
  // analyst leaves it (another tab, new parameters, or "Back to live figures").
  useEffect(() => {
    if (tab === 'trend' && span && !pinned.current) void runTrend();
  }, [tab, span, runTrend, version, settingsVersion]);
  useEffect(() => {
    if (tab === 'kpi' && span && !pinned.current) void runKpi();
  }, [tab, span, runKpi, version, settingsVersion]);
  const unpin = () => {
    pinned.current = false;
  };
  useEffect(() => {
    if (tab === 'snapshots') cache.reportSnapshots().then(setSnapshots, (e: Error) => setError(e.message));
  }, [tab, version]);

  const save = async (s: Shown): Promise<ReportSnapshotRecord> => {
    if (s.snapshot) return s.snapshot;
    const params = s.kind === 'fraud-trend' ? s.figures.report.params : { from: s.figures.report.from, to: s.figures.report.to };
    const snap = await cache.saveReportSnapshot(s.kind, titleOf(s), params, s.figures, s.dataHash);
    setShown({ ...s, snapshot: snap } as Shown);
    setNote(`Saved as snapshot #${snap.id}, signed by ${snap.analyst}.`);
    return snap;
  };

  const exportPdf = async (s: Shown) => {
    setError(null);
    try {
      const snap = await save(s);
      // Let the title page render with the snapshot's hash before printing.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const name = `${titleOf(s).replace(/[^A-Za-z0-9-]+/g, '-')}-snapshot-${snap.id}`;
      const before = document.title;
      // The PDF's title names the decision log's head, so the file can later witness the log.
      document.title = snap.logHead ? titleWithHead(name, snap.logHead) : name;
      try {
        await printAndLog({ suggestedName: `${name}.pdf`, landscape: false, rows: null, what: `${titleOf(s)}, snapshot #${snap.id}` });
      } finally {
        document.title = before;
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const openSnapshot = async (id: number) => {
    setError(null);
    try {
      const { snapshot, intact } = await cache.reportSnapshot(id);
      const base = { dataHash: snapshot.dataHash, snapshot, intact };
      let dataNow: string | undefined;
      if (snapshot.kind === 'fraud-trend') {
        const p = snapshot.params as TrendReport['params'];
        dataNow = (await cache.fraudTrend({ period: p.period, from: p.from, to: p.to, dimension: p.dimension })).dataHash;
        setShown({ kind: 'fraud-trend', figures: snapshot.figures as TrendFigures, ...base, dataNow });
      } else {
        const p = snapshot.params as { from: number; to: number };
        dataNow = (await cache.kpiReport(p.from, p.to)).dataHash;
        setShown({ kind: 'kpi', figures: snapshot.figures as KpiFigures, ...base, dataNow });
      }
      pinned.current = true;
      setTab(snapshot.kind === 'fraud-trend' ? 'trend' : 'kpi');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const ordersOf = (report: TrendReport) => (periodIdx: number | null, groupIdx: number | null, what: OrdersWhat) => {
    const filter = ordersBehindFigure(report, periodIdx, groupIdx, what);
    if (filter) showOrders(filter);
  };

  if (span === undefined) return <section className="screen"><p className="muted">Opening the cache…</p></section>;
  if (span === null) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <h1 id="screen-title">Reports</h1>
        <p className="empty-note">The cache holds no orders yet. Import exports or load the demo data, then the fraud-trend and KPI reports appear here.</p>
      </section>
    );
  }

  const viewing = shown && ((tab === 'trend' && shown.kind === 'fraud-trend') || (tab === 'kpi' && shown.kind === 'kpi')) ? shown : null;
  /** An opened snapshot (not one just saved from live figures): its parameters are its own. */
  const openedSnapshot = viewing?.snapshot != null && viewing.intact !== undefined;

  return (
    <section className="screen reports" aria-labelledby="screen-title">
      <header className="screen-head no-print">
        <h1 id="screen-title">Reports</h1>
        <div className="chips" role="tablist">
          {([['trend', 'Fraud trend'], ['kpi', 'KPIs'], ['snapshots', 'Snapshots'], ['settings', 'Thresholds and rates']] as const).map(([id, label]) => (
            <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'chip on' : 'chip'} onClick={() => { setNote(null); unpin(); setTab(id); }}>
              {label}
            </button>
          ))}
        </div>
      </header>

      {tab === 'trend' && range && !openedSnapshot && (
        <div className="toolbar no-print" aria-label="Report parameters">
          <label className="inline">
            Period
            <select value={period} onChange={(e) => { unpin(); setPeriod(e.target.value as PeriodKind); }} aria-label="Period">
              <option value="week">Weeks</option>
              <option value="month">Months</option>
            </select>
          </label>
          <label className="inline">
            From
            <input type="date" aria-label="From" value={range.from} onChange={(e) => { unpin(); setRange({ ...range, from: e.target.value }); }} />
          </label>
          <label className="inline">
            To
            <input type="date" aria-label="To" value={range.to} onChange={(e) => { unpin(); setRange({ ...range, to: e.target.value }); }} />
          </label>
          <label className="inline">
            Split by
            <select value={dimension} onChange={(e) => { unpin(); setDimension(e.target.value as TrendDimension); }} aria-label="Split by">
              {TREND_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABEL[d]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {tab === 'kpi' && kpiRange && !openedSnapshot && (
        <div className="toolbar no-print" aria-label="Report parameters">
          <label className="inline">
            From
            <input type="date" aria-label="From" value={kpiRange.from} onChange={(e) => { unpin(); setKpiRange({ ...kpiRange, from: e.target.value }); }} />
          </label>
          <label className="inline">
            To
            <input type="date" aria-label="To" value={kpiRange.to} onChange={(e) => { unpin(); setKpiRange({ ...kpiRange, to: e.target.value }); }} />
          </label>
        </div>
      )}

      <ErrorAlert message={error} className="no-print" />

      {(tab === 'trend' || tab === 'kpi') && viewing && (
        <>
          <div className="report-actions no-print">
            <h2 className="report-title" data-testid="report-title">{titleOf(viewing)}</h2>
            <div className="actions">
              <button onClick={() => save(viewing).catch((e: Error) => setError(e.message))} disabled={viewing.snapshot !== null}>
                {viewing.snapshot ? `Snapshot #${viewing.snapshot.id}` : 'Save snapshot'}
              </button>
              <button className="primary" onClick={() => void exportPdf(viewing)}>
                Export PDF
              </button>
              {viewing.snapshot && viewing.intact !== undefined && (
                <button onClick={() => { unpin(); setShown(null); void (tab === 'trend' ? runTrend() : runKpi()); }}>Back to live figures</button>
              )}
              {busy && <span className="muted">Computing…</span>}
              {note && <span className="ok">{note}</span>}
            </div>
          </div>
          {viewing.snapshot && viewing.intact !== undefined && (
            <p className={viewing.intact ? 'snapshot-banner' : 'snapshot-banner error'} data-testid="snapshot-banner" role="status">
              Snapshot #{viewing.snapshot.id}, saved {formatDateTime(viewing.snapshot.createdAt)} UTC by {viewing.snapshot.analyst}: the figures as they were then.{' '}
              {viewing.intact ? 'Its hash checks out.' : 'Its content no longer matches its hash: it was altered.'}{' '}
              {viewing.dataNow === viewing.dataHash ? 'The data behind it is unchanged.' : 'The cache has changed since; live figures would differ.'}
            </p>
          )}
          <TitlePage shown={viewing} />
          {viewing.kind === 'fraud-trend' ? (
            <FraudTrendView
              report={viewing.figures.report}
              rings={viewing.figures.rings}
              dataSpan={viewing.figures.dataSpan ?? null}
              stamp={stampOf(viewing)}
              onOrders={viewing.snapshot && viewing.intact !== undefined ? undefined : ordersOf(viewing.figures.report)}
              onRing={(id) => showRingOf(id.replace(/^ring:/, ''))}
            />
          ) : (
            <KpiView report={viewing.figures.report} stamp={stampOf(viewing)} />
          )}
        </>
      )}
      {(tab === 'trend' || tab === 'kpi') && !viewing && <p className="muted">{busy ? 'Computing…' : ''}</p>}

      {tab === 'snapshots' && (
        <section>
          {snapshots === null ? (
            <p className="muted">Loading…</p>
          ) : snapshots.length === 0 ? (
            <p className="empty-note">No saved reports yet. Save one from the Fraud trend or KPIs tab; it keeps its figures, parameters and a hash of the data behind them.</p>
          ) : (
            <table className="history" data-testid="snapshots">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Report</th>
                  <th>Saved (UTC)</th>
                  <th>By</th>
                  <th>Hash</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.id}>
                    <td>{s.id}</td>
                    <td>{s.title}</td>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{s.analyst}</td>
                    <td className="mono" title={s.hash}>{s.hash.slice(0, 16)}…</td>
                    <td>
                      <button className="link" onClick={() => void openSnapshot(s.id!)}>
                        Open
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {tab === 'settings' && (
        <div className="settings-stack">
          <ThresholdsEditor onSaved={() => setSettingsVersion((v) => v + 1)} />
          <RatesEditor onSaved={() => setSettingsVersion((v) => v + 1)} />
        </div>
      )}
    </section>
  );
}

/** The PDF's first page: what, when, from what, and the snapshot's hash. Print only. */
function TitlePage({ shown }: { shown: Shown }) {
  const snap = shown.snapshot;
  const isTrend = shown.kind === 'fraud-trend';
  const t = isTrend ? shown.figures.report : null;
  return (
    <section className="print-only title-page" aria-hidden="true">
      <p className="title-brand">Fraud Workbench</p>
      <h1>{titleOf(shown)}</h1>
      <dl>
        {t ? (
          <>
            <dt>Period</dt>
            <dd>
              {formatDate(t.periods[0]!.from)} to {formatDate(t.periods.at(-1)!.to - DAY)} ({t.periods.length} {t.params.period === 'week' ? 'ISO weeks' : 'months'}, {t.periods[0]!.label} to {t.periods.at(-1)!.label}), UTC
            </dd>
            <dt>Compared with</dt>
            <dd>
              {formatDate(t.previous[0]!.from)} to {formatDate(t.previous.at(-1)!.to - DAY)}
            </dd>
            <dt>Filters</dt>
            <dd>
              All orders in the cache, split by {DIMENSION_LABEL[t.params.dimension].toLowerCase()}; values in {t.params.currency}
              {Object.keys(t.params.rates).length > 1 ? ` (other currencies at ${Object.entries(t.params.rates).filter(([c]) => c !== t.params.currency).map(([c, r]) => `${c} ${r}`).join(', ')})` : ''}
            </dd>
            <dt>Fraud rate</dt>
            <dd>
              {pct(fraudRate(t.total))} ({t.total.fraudOrders.toLocaleString('en-US')} of {t.total.orders.toLocaleString('en-US')} orders); previous span {pct(fraudRate(t.previousTotal))}
            </dd>
          </>
        ) : (
          <>
            <dt>Period</dt>
            <dd>
              {formatDate((shown.figures.report as KpiReport).from)} to {formatDate((shown.figures.report as KpiReport).to - DAY)}, UTC
            </dd>
            <dt>Filters</dt>
            <dd>All orders, decisions and disputes in the cache; decision target {(shown.figures.report as KpiReport).slaHours} h</dd>
          </>
        )}
        <dt>Data sources</dt>
        <dd>
          <ul>
            {shown.figures.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </dd>
        <dt>Snapshot</dt>
        <dd className="mono">{snap ? `#${snap.id}, saved ${formatDateTime(snap.createdAt)} UTC by ${snap.analyst}` : 'not saved'}</dd>
        <dt>Snapshot hash</dt>
        <dd className="mono">{snap?.hash ?? '–'}</dd>
        <dt>Data hash</dt>
        <dd className="mono">{shown.dataHash}</dd>
        <dt>Decision log</dt>
        <dd className="mono">{snap?.logHead ? `entry ${snap.logHead.seq}, ${snap.logHead.hash}` : '–'}</dd>
      </dl>
    </section>
  );
}
