// The live figures of the Reports screen: each tab computes its report for the current parameters
// in the cache worker, unless an opened snapshot is pinned on screen.
import { useCallback, useEffect, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { parseDate } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import type { Async } from '../../ui/useAsync';
import type { DayRange, ReportTab } from './reportParams';
import type { PeriodKind } from '../../../../shared/reports/periods';
import type { TrendDimension } from '../../../../shared/reports/fraudTrend';
import { DAY, type Shown } from './shownReport';

export interface LiveInputs {
  tab: ReportTab;
  period: PeriodKind;
  dimension: TrendDimension;
  range: DayRange | null;
  kpiRange: DayRange | null;
  /** First and last cached order; live reports wait for it. */
  span: { min: number; max: number } | null | undefined;
  /** Bumped by new data, and by new thresholds or rates: the figures are computed again. */
  version: number;
  settingsVersion: number;
  setShown: Dispatch<SetStateAction<Shown | null>>;
  /** True while an opened snapshot is on screen: live figures must not replace it. */
  pinnedRef: RefObject<boolean>;
  status: Pick<Async<unknown>, 'run' | 'setError'>;
}

export function useLiveReport({ tab, period, dimension, range, kpiRange, span, version, settingsVersion, setShown, pinnedRef, status }: LiveInputs) {
  const [computing, setComputing] = useState(false);
  const { run, setError } = status;

  /**
   * Runs one report for a range of days (inclusive): a bad range or a failure clears the report,
   * so figures that no longer match the parameters cannot stay on screen to be saved or printed.
   */
  const runReport = useCallback(
    async (days: DayRange | null, compute: (from: number, toExclusive: number) => Promise<Shown | null>) => {
      if (!days) return;
      const from = parseDate(days.from);
      const to = parseDate(days.to);
      if (from === null || to === null || to < from) {
        setShown(null);
        setError(from === null || to === null ? 'Dates are YYYY-MM-DD' : 'The range must end on or after its first day');
        return;
      }
      setComputing(true);
      const next = await run(() => compute(from, to + DAY));
      setComputing(false);
      if (next === undefined) setShown(null);
      else if (next && !pinnedRef.current) setShown(next);
    },
    [run, setError, setShown, pinnedRef],
  );

  const runTrend = useCallback(
    () =>
      runReport(range, async (from, to) => {
        const result = await cache.fraudTrend({ period, from, to, dimension });
        if (pinnedRef.current) return null;
        const r = result.report;
        setShown({
          kind: 'fraud-trend',
          figures: { report: r, rings: null, sources: result.sources, team: result.team, dataSpan: span ?? null },
          dataHash: result.dataHash,
          snapshot: null,
        });
        // Rings may need linking first (seconds on a large cache): the figures show before them.
        const rings = await cache.reportRings(r.periods[0]!.from, r.periods.at(-1)!.to);
        setShown((s) =>
          s && s.kind === 'fraud-trend' && s.figures.report === r ? { ...s, figures: { ...s.figures, rings: { top: rings.top, fresh: rings.fresh } } } : s,
        );
        return null;
      }),
    [runReport, range, period, dimension, span, setShown, pinnedRef],
  );

  const runKpi = useCallback(
    () =>
      runReport(kpiRange, async (from, to) => {
        const result = await cache.kpiReport(from, to);
        return { kind: 'kpi', figures: { report: result.report, sources: result.sources, team: result.team }, dataHash: result.dataHash, snapshot: null };
      }),
    [runReport, kpiRange],
  );

  // Each tab shows its report for the current parameters; an opened snapshot stays until the
  // analyst leaves it (another tab, new parameters, or "Back to live figures").
  useEffect(() => {
    if (tab === 'trend' && span && !pinnedRef.current) void runTrend();
  }, [tab, span, runTrend, version, settingsVersion, pinnedRef]);
  useEffect(() => {
    if (tab === 'kpi' && span && !pinnedRef.current) void runKpi();
  }, [tab, span, runKpi, version, settingsVersion, pinnedRef]);

  return { computing, runTrend, runKpi };
}
