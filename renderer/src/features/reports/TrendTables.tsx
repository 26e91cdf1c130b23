// The fraud trend's tables, each with its CSV: by group against the previous span, chargebacks by
// reason family, and every period and group.
import { REASON_FAMILIES, REASON_FAMILY_LABEL } from '../../../../shared/disputes/reasonCodes';
import { formatCount } from '../../../../shared/domain/money';
import { DIMENSION_LABEL, fraudRate, major, NO_ORDER_GROUP, trendCells, trendRows, type TrendReport } from '../../../../shared/reports/fraudTrend';
import type { OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { change, changePp, pct, ReportTable, type Column } from './reportParts';
import { groupsByOrders } from './trendChartData';

/** Orders and fraud of a group or a period, then its chargebacks: the columns both big tables share. */
const FRAUD_COLUMNS: Column[] = ['Orders', 'Order value', 'Fraud orders', 'Fraud value', 'Fraud rate'].map((label) => ({ label, right: true }));
const CHARGEBACK_COLUMNS: Column[] = ['Chargebacks', 'Chargeback value'].map((label) => ({ label, right: true }));

interface TableProps {
  report: TrendReport;
  stamp: string;
  money(minor: number): string;
}

/**
 * The previous span starts before the first cached order (previousIsPartial): its figures cover only
 * part of it, so they are marked and no change is computed against them, as on the cards above.
 */
interface AgainstPrevious {
  previousPartial: boolean;
}

const partialMark = (text: string, partial: boolean) => (partial ? `${text} (partial)` : text);

export function ByGroupTable({
  report,
  stamp,
  money,
  previousPartial,
  onOrders,
}: TableProps & AgainstPrevious & { onOrders?: (period: number | null, group: number | null, what: OrdersWhat) => void }) {
  const dim = DIMENSION_LABEL[report.params.dimension];
  const byOrders = groupsByOrders(report);
  return (
    <ReportTable
      title={`By ${dim.toLowerCase()}, against the previous span`}
      testId="trend-by-group"
      stamp={stamp}
      columns={[{ label: dim }, ...FRAUD_COLUMNS, { label: 'Previous', right: true }, { label: 'Change', right: true }, ...CHARGEBACK_COLUMNS]}
      rows={byOrders.map((i) => {
        const g = report.groups[i]!;
        const f = report.byGroup[i]!;
        const q = report.previousByGroup[i]!;
        return [
          g,
          formatCount(f.orders),
          money(f.orderValueMinor),
          formatCount(f.fraudOrders),
          money(f.fraudValueMinor),
          pct(fraudRate(f)),
          partialMark(pct(fraudRate(q)), previousPartial),
          previousPartial ? '–' : changePp(fraudRate(f), fraudRate(q)),
          formatCount(f.chargebacks),
          money(f.chargebackValueMinor),
        ];
      })}
      csv={{
        name: `fraud-trend-by-${report.params.dimension}`,
        header: [
          report.params.dimension,
          'orders',
          'order_value',
          'fraud_orders',
          'fraud_value',
          'fraud_rate',
          'previous_fraud_rate',
          'chargebacks',
          'chargeback_value',
          'currency',
          'previous_partial',
        ],
        rows: byOrders.map((i) => {
          const g = report.groups[i]!;
          const f = report.byGroup[i]!;
          return [
            g,
            f.orders,
            major(f.orderValueMinor, report.params.currency),
            f.fraudOrders,
            major(f.fraudValueMinor, report.params.currency),
            fraudRate(f),
            fraudRate(report.previousByGroup[i]!),
            f.chargebacks,
            major(f.chargebackValueMinor, report.params.currency),
            report.params.currency,
            previousPartial ? 'yes' : 'no',
          ];
        }),
      }}
      actions={(k) => {
        const i = byOrders[k]!;
        return report.groups[i] !== NO_ORDER_GROUP && onOrders ? (
          <>
            <button className="link" aria-label={`Orders of ${report.groups[i]}`} onClick={() => onOrders(null, i, 'orders')}>
              Orders
            </button>
            {report.byGroup[i]!.fraudOrders > 0 && (
              <button className="link" aria-label={`Confirmed-fraud orders of ${report.groups[i]}`} onClick={() => onOrders(null, i, 'fraud')}>
                Fraud
              </button>
            )}
          </>
        ) : null;
      }}
    />
  );
}

export function ByFamilyTable({ report, stamp, money, previousPartial }: TableProps & AgainstPrevious) {
  const t = report.total;
  const p = report.previousTotal;
  return (
    <ReportTable
      title="Chargebacks by reason family"
      testId="trend-by-family"
      stamp={stamp}
      columns={[
        { label: 'Family' },
        { label: 'Chargebacks', right: true },
        { label: 'Value', right: true },
        { label: 'Previous', right: true },
        { label: 'Previous value', right: true },
        { label: 'Change', right: true },
      ]}
      rows={REASON_FAMILIES.filter((f) => t.byFamily[f].count + p.byFamily[f].count > 0).map((f) => [
        REASON_FAMILY_LABEL[f],
        formatCount(t.byFamily[f].count),
        money(t.byFamily[f].valueMinor),
        partialMark(formatCount(p.byFamily[f].count), previousPartial),
        partialMark(money(p.byFamily[f].valueMinor), previousPartial),
        previousPartial ? '–' : change(t.byFamily[f].count, p.byFamily[f].count),
      ])}
      csv={{
        name: 'chargebacks-by-reason-family',
        header: ['family', 'chargebacks', 'value', 'previous_chargebacks', 'previous_value', 'currency', 'previous_partial'],
        rows: REASON_FAMILIES.map((f) => [
          f,
          t.byFamily[f].count,
          major(t.byFamily[f].valueMinor, report.params.currency),
          p.byFamily[f].count,
          major(p.byFamily[f].valueMinor, report.params.currency),
          report.params.currency,
          previousPartial ? 'yes' : 'no',
        ]),
      }}
    />
  );
}

export function PeriodRowsTable({ report, stamp, money }: TableProps) {
  const dim = DIMENSION_LABEL[report.params.dimension];
  const cells = trendCells(report);
  const rows = trendRows(report);
  return (
    <ReportTable
      title={`By period and ${dim.toLowerCase()}`}
      testId="trend-rows"
      stamp={stamp}
      columns={[{ label: 'Period' }, { label: dim }, ...FRAUD_COLUMNS, ...CHARGEBACK_COLUMNS]}
      rows={rows.map((r, i) => [
        r.period,
        r.group,
        formatCount(r.orders),
        money(cells[i]!.figures.orderValueMinor),
        formatCount(r.fraudOrders),
        money(cells[i]!.figures.fraudValueMinor),
        pct(r.orders ? r.fraudOrders / r.orders : null),
        formatCount(r.chargebacks),
        money(cells[i]!.figures.chargebackValueMinor),
      ])}
      csv={{
        name: `fraud-trend-${report.params.period}-by-${report.params.dimension}`,
        header: ['period', report.params.dimension, 'orders', 'order_value', 'fraud_orders', 'fraud_value', 'chargebacks', 'chargeback_value', 'currency'],
        rows: rows.map((r) => [
          r.period,
          r.group,
          r.orders,
          r.orderValue,
          r.fraudOrders,
          r.fraudValue,
          r.chargebacks,
          r.chargebackValue,
          report.params.currency,
        ]),
      }}
    />
  );
}
