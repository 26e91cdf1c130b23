// The Reports room: fraud trend, KPI report, the rings of a period, exchange rates, programme
// thresholds and saved snapshots.
import type { TrendParams } from '../../../../shared/reports/fraudTrend';
import type { Threshold } from '../../../../shared/reports/programmes';
import { savingOrDiskFull } from '../storage/diskFull';
import type { ReportSnapshotRecord } from '../storage/schema';
import type { CoreContext } from '../context';
import type { KpiResult, ReportRates, ReportService, RingsOfRange, SnapshotKind, TrendResult } from './reportService';

export function reportsHandlers(ctx: CoreContext, reports: ReportService) {
  return {
    async fraudTrend(params: Omit<TrendParams, 'currency' | 'rates' | 'ratesAsOf'>): Promise<TrendResult> {
      await ctx.ready();
      return reports.fraudTrend(params);
    },

    async reportRings(from: number, to: number): Promise<RingsOfRange> {
      await ctx.ready();
      return reports.ringsOfRange(from, to);
    },

    async kpiReport(from: number, to: number): Promise<KpiResult> {
      await ctx.ready();
      return reports.kpi(from, to);
    },

    reportRates: (): Promise<ReportRates> => reports.rates(),

    saveReportRates: (r: ReportRates): Promise<ReportRates> => savingOrDiskFull('the exchange rates', () => reports.saveRates(r)),

    programmeThresholds: (): Promise<Threshold[]> => reports.thresholds(),

    saveProgrammeThresholds: (list: Threshold[]): Promise<Threshold[]> => savingOrDiskFull('the programme thresholds', () => reports.saveThresholds(list)),

    saveReportSnapshot(kind: SnapshotKind, title: string, params: unknown, figures: unknown, dataHash: string): Promise<ReportSnapshotRecord> {
      return savingOrDiskFull('the report snapshot', () => reports.saveSnapshot(kind, title, params, figures, dataHash));
    },

    reportSnapshots: (): Promise<Omit<ReportSnapshotRecord, 'figures'>[]> => reports.snapshots(),

    reportSnapshot: (id: number): Promise<{ snapshot: ReportSnapshotRecord; intact: boolean }> => reports.snapshot(id),
  };
}

export type ReportsHandlers = ReturnType<typeof reportsHandlers>;
