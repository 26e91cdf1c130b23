// A report's figures in words, as the display setting writes numbers: percentages, hours and
// changes against the previous span. The CSV exports keep the raw values instead.
import { formatDecimal, formatPercent, showDate } from '../../../../shared/domain/money';
import type { KpiReport } from '../../../../shared/reports/kpi';

/** Hours as `5.2 h` (`5,2 h` in German), or days from two days on. */
export const hours = (h: number | null): string => (h === null ? '–' : h < 48 ? `${formatDecimal(h, 1)} h` : `${formatDecimal(h / 24, 1)} d`);

/** A share as a percentage as the display setting writes it: `1.23 %`, `1,23 %`. */
export const pct = formatPercent;

/** Change of a count or value, as a signed percentage of the previous figure. */
export function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '±0' : 'new';
  const d = (now - before) / before;
  return `${d >= 0 ? '+' : '−'}${formatDecimal(Math.abs(d * 100), 1)} %`;
}

/** Change of a rate, in percentage points. */
export function changePp(now: number | null, before: number | null): string {
  if (now === null || before === null) return '–';
  const d = (now - before) * 100;
  return `${d >= 0 ? '+' : '−'}${formatDecimal(Math.abs(d), 2)} pp`;
}

/** Why a KPI report's data is partial (the note after `Partial data:`): its period runs past today or past the latest order in the data. */
export function partialText(report: KpiReport): string {
  const p = report.partial;
  if (!p) return '';
  const past = p.by === 'today' ? `today (${showDate(p.at)})` : `the latest cached order (${showDate(p.at)})`;
  const counted =
    p.at < report.from ? 'so it holds no figures yet' : `so its figures count ${showDate(report.from)} to ${showDate(p.at)} only, not the whole period`;
  return `the period runs past ${past}, ${counted}.`;
}

/** The decision log's head a snapshot was saved at, for its title page: `empty` when no decision was logged yet (entry 0). */
export function decisionLogText(head: { seq: number; hash: string } | undefined): string {
  if (!head) return '–';
  return head.seq === 0 ? 'empty' : `entry ${head.seq}, ${head.hash}`;
}
