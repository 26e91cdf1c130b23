// A report as the Reports screen holds it: live figures or a saved snapshot, with the hash of the
// data behind them, and the title and file-name stamp every export of it carries.
import { formatDate } from '../../../../shared/domain/money';
import { DIMENSION_LABEL, type PeriodRing, type TrendReport } from '../../../../shared/reports/fraudTrend';
import type { KpiReport } from '../../../../shared/reports/kpi';
import type { ReportSnapshotRecord } from '../../core/contract';

export const DAY = 86_400_000;

/** The rings of a trend's range, linked after its figures show. */
export interface TrendRings {
  top: PeriodRing[];
  fresh: PeriodRing[];
}

export interface TrendFigures {
  report: TrendReport;
  rings: TrendRings | null;
  sources: string[];
  /** Whose decisions count, with a team (absent in older snapshots). */
  team?: string[];
  /** First and last order time in the cache when computed (absent in older snapshots). */
  dataSpan?: { min: number; max: number } | null;
}
export interface KpiFigures {
  report: KpiReport;
  sources: string[];
  /** Whose decisions count, with a team (absent in older snapshots). */
  team?: string[];
}
/** `intact` and `dataNow` are set for an opened snapshot only. */
export type Shown =
  | { kind: 'fraud-trend'; figures: TrendFigures; dataHash: string; snapshot: ReportSnapshotRecord | null; intact?: boolean; dataNow?: string }
  | { kind: 'kpi'; figures: KpiFigures; dataHash: string; snapshot: ReportSnapshotRecord | null; intact?: boolean; dataNow?: string };

/** An opened snapshot (not one just saved from live figures): its parameters are its own. */
export const isOpenedSnapshot = (s: Shown | null): boolean => s?.snapshot != null && s.intact !== undefined;

/** File-name part for exports: what the report covers, and its snapshot when saved. */
export function stampOf(s: Shown): string {
  const what =
    s.kind === 'fraud-trend'
      ? `${s.figures.report.params.period}-${s.figures.report.periods[0]!.label}-to-${s.figures.report.periods.at(-1)!.label}`
      : `${formatDate(s.figures.report.from)}-to-${formatDate(s.figures.report.to - DAY)}`;
  return s.snapshot ? `${what}-snapshot-${s.snapshot.id}` : what;
}

export function titleOf(s: Shown): string {
  if (s.kind === 'fraud-trend') {
    const p = s.figures.report.params;
    return `Fraud trend, ${p.period === 'week' ? 'weekly' : 'monthly'} by ${DIMENSION_LABEL[p.dimension].toLowerCase()}, ${s.figures.report.periods[0]!.label} to ${s.figures.report.periods.at(-1)!.label}`;
  }
  return `KPI report ${formatDate(s.figures.report.from)} to ${formatDate(s.figures.report.to - DAY)}`;
}
