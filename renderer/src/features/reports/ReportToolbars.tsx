// The Reports screen's tabs and the parameters of its two live reports: period, range and split
// for the fraud trend, a range of days for the KPIs. Hidden in print.
import { DIMENSION_LABEL, TREND_DIMENSIONS, type TrendDimension } from '../../../../shared/reports/fraudTrend';
import type { PeriodKind } from '../../../../shared/reports/periods';
import { formatDate, parseDate } from '../../../../shared/domain/money';
import { Choice } from '../../ui/Choice';
import { DateField } from '../../ui/DateField';
import { Tabs, type Tab } from '../../ui/Tabs';
import type { DayRange, ReportTab } from './reportParams';

const PERIODS = [
  ['week', 'Weeks'],
  ['month', 'Months'],
] as const;
const TABS: Tab<ReportTab>[] = [
  { id: 'trend', label: 'Fraud trend' },
  { id: 'kpi', label: 'KPIs' },
  { id: 'snapshots', label: 'Snapshots' },
  { id: 'settings', label: 'Thresholds and rates' },
];

/** Ids of the report tabs and their panel. */
export const REPORT_TABS_BASE = 'report';

export function ReportTabs({ tab, onChoose }: { tab: ReportTab; onChoose(tab: ReportTab): void }) {
  return <Tabs base={REPORT_TABS_BASE} label="Reports" tabs={TABS} selected={tab} onChoose={onChoose} />;
}

/** Which of a range's fields shows a date other than the one applied (being typed, or unreadable). */
export type RangeField = 'from' | 'to';

function RangeInputs({
  range,
  onChange,
  onPending,
}: {
  range: DayRange;
  onChange(range: DayRange): void;
  onPending(field: RangeField, pending: boolean): void;
}) {
  return (
    <>
      <label className="inline">
        From
        <DateField
          label="From"
          required
          value={parseDate(range.from)}
          onChange={(at) => at !== null && onChange({ ...range, from: formatDate(at) })}
          onPending={(p) => onPending('from', p)}
        />
      </label>
      <label className="inline">
        To
        <DateField
          label="To"
          required
          value={parseDate(range.to)}
          onChange={(at) => at !== null && onChange({ ...range, to: formatDate(at) })}
          onPending={(p) => onPending('to', p)}
        />
      </label>
    </>
  );
}

export function TrendParamsBar(props: {
  period: PeriodKind;
  range: DayRange;
  dimension: TrendDimension;
  setPeriod(p: PeriodKind): void;
  setRange(r: DayRange): void;
  setDimension(d: TrendDimension): void;
  onPending(field: RangeField, pending: boolean): void;
}) {
  return (
    <div className="toolbar no-print" aria-label="Report parameters">
      <Choice label="Period" value={props.period} options={PERIODS} onChange={props.setPeriod} />
      <RangeInputs range={props.range} onChange={props.setRange} onPending={props.onPending} />
      <Choice label="Split by" value={props.dimension} options={TREND_DIMENSIONS.map((d) => [d, DIMENSION_LABEL[d]] as const)} onChange={props.setDimension} />
    </div>
  );
}

export function KpiParamsBar({
  range,
  setRange,
  onPending,
}: {
  range: DayRange;
  setRange(r: DayRange): void;
  onPending(field: RangeField, pending: boolean): void;
}) {
  return (
    <div className="toolbar no-print" aria-label="Report parameters">
      <RangeInputs range={range} onChange={setRange} onPending={onPending} />
    </div>
  );
}
