// The Reports screen's data: the cache's span (which sets the default ranges), the report on
// screen (live or an opened snapshot), snapshots, and what a click on a figure or a ring opens.
import { useRef, useState } from 'react';
import { formatDate } from '../../../../shared/domain/money';
import type { TrendReport } from '../../../../shared/reports/fraudTrend';
import { ordersBehindFigure, type OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { nextPeriod, periodStart } from '../../../../shared/reports/periods';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { useReportParams, type ReportTab } from './reportParams';
import { DAY, isOpenedSnapshot, type Shown } from './shownReport';
import { useLiveReport } from './useLiveReport';
import { useSnapshots } from './useSnapshots';

export function useReport() {
  const version = useUi((s) => s.cacheVersion);
  const showOrders = useUi((s) => s.showOrders);
  const showRingOf = useUi((s) => s.showRingOf);
  const params = useReportParams();
  const { tab, setTab, setRange, setKpiRange } = params;
  // The span of cached orders; the first time, it sets the ranges: the last 12 weeks and the last month.
  const status = useAsync(
    async () => {
      const { span } = await cache.overview();
      if (span) {
        const end = Math.floor(span.max / DAY) * DAY;
        setRange((r) => r ?? { from: formatDate(periodStart('week', end) - 11 * 7 * DAY), to: formatDate(end) });
        const m = periodStart('month', end);
        setKpiRange((r) => r ?? { from: formatDate(m), to: formatDate(nextPeriod('month', m) - DAY) });
      }
      return { span };
    },
    [version, setRange, setKpiRange],
    { keepStale: true },
  );
  const span = status.value?.span;
  const [shown, setShown] = useState<Shown | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const pinnedRef = useRef(false);
  const live = useLiveReport({ ...params, span, version, settingsVersion, setShown, pinnedRef, status });
  const snapshots = useSnapshots({ tab, version, setShown, setTab, setNote, pinnedRef, status });

  // New parameters or another tab leave an opened snapshot.
  const unpinned =
    <A extends unknown[]>(set: (...args: A) => void) =>
    (...args: A) => {
      pinnedRef.current = false;
      set(...args);
    };
  const viewing = shown && ((tab === 'trend' && shown.kind === 'fraud-trend') || (tab === 'kpi' && shown.kind === 'kpi')) ? shown : null;
  const ordersOf = (report: TrendReport) => (periodIdx: number | null, groupIdx: number | null, what: OrdersWhat) => {
    const filter = ordersBehindFigure(report, periodIdx, groupIdx, what);
    if (filter) showOrders(filter);
  };

  return {
    ...params,
    setPeriod: unpinned(params.setPeriod),
    setDimension: unpinned(params.setDimension),
    setRange: unpinned(params.setRange),
    setKpiRange: unpinned(params.setKpiRange),
    chooseTab: unpinned((id: ReportTab) => {
      setNote(null);
      setTab(id);
    }),
    span,
    viewing,
    openedSnapshot: isOpenedSnapshot(viewing),
    busy: live.computing,
    error: status.error ?? snapshots.listError,
    note,
    snapshots: snapshots.snapshots,
    save: snapshots.save,
    exportPdf: snapshots.exportPdf,
    openSnapshot: snapshots.openSnapshot,
    backToLive: unpinned(() => {
      setShown(null);
      void (tab === 'trend' ? live.runTrend() : live.runKpi());
    }),
    settingsSaved: () => setSettingsVersion((v) => v + 1),
    /** Clicks on figures open their orders; an opened snapshot's figures are not today's orders. */
    onOrders: viewing?.kind === 'fraud-trend' && !isOpenedSnapshot(viewing) ? ordersOf(viewing.figures.report) : undefined,
    onRing: (id: string) => showRingOf(id.replace(/^ring:/, '')),
  };
}
