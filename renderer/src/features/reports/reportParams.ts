// The Reports screen's parameters, kept while the analyst drills down into Orders and comes back
// (screen state only, like the orders filter; forgotten on reload).
import { create } from 'zustand';
import type { TrendDimension } from '../../../../shared/reports/fraudTrend';
import { formatDate, parseDate } from '../../../../shared/domain/money';
import { periodStart, type PeriodKind } from '../../../../shared/reports/periods';

export type ReportTab = 'trend' | 'kpi' | 'snapshots' | 'settings';
export interface DayRange {
  from: string;
  to: string;
}

type Update<T> = T | ((old: T) => T);
const apply = <T>(u: Update<T>, old: T): T => (typeof u === 'function' ? (u as (o: T) => T)(old) : u);

interface ReportParams {
  tab: ReportTab;
  period: PeriodKind;
  dimension: TrendDimension;
  range: DayRange | null;
  kpiRange: DayRange | null;
  setTab(u: Update<ReportTab>): void;
  setPeriod(u: Update<PeriodKind>): void;
  setDimension(u: Update<TrendDimension>): void;
  setRange(u: Update<DayRange | null>): void;
  setKpiRange(u: Update<DayRange | null>): void;
}

export const useReportParams = create<ReportParams>((set) => ({
  tab: 'trend',
  period: 'week',
  dimension: 'marketplace',
  range: null,
  kpiRange: null,
  setTab: (u) => set((s) => ({ tab: apply(u, s.tab) })),
  // The report covers whole periods: the From box moves to the start of the period it falls in,
  // so it shows what the report counts from (a month from the 1st, a week from its Monday).
  setPeriod: (u) =>
    set((s) => {
      const period = apply(u, s.period);
      const from = s.range ? parseDate(s.range.from) : null;
      return { period, range: s.range && from !== null ? { ...s.range, from: formatDate(periodStart(period, from)) } : s.range };
    }),
  setDimension: (u) => set((s) => ({ dimension: apply(u, s.dimension) })),
  setRange: (u) => set((s) => ({ range: apply(u, s.range) })),
  setKpiRange: (u) => set((s) => ({ kpiRange: apply(u, s.kpiRange) })),
}));
