// The fraud trend's tables, each with its CSV: by group against the previous span, chargebacks by
// reason family, every period and group, and the top and new rings of the range.
import { REASON_FAMILIES, REASON_FAMILY_LABEL } from '../../../../shared/disputes/reasonCodes';
import { formatCount, formatDate, formatMoney } from '../../../../shared/domain/money';
import { DIMENSION_LABEL, fraudRate, major, NO_ORDER_GROUP, trendRows, type TrendReport } from '../../../../shared/reports/fraudTrend';
import type { OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { change, changePp, pct, ReportTable } from './reportParts';
import { groupsByOrders } from './trendChartData';
import type { TrendRings } from './shownReport';

const VERDICT: Record<string, string> = { 'confirmed-fraud': 'Confirmed fraud', benign: 'Benign', 'needs-review': 'Needs review' };

interface TableProps {
  report: TrendReport;
  stamp: string;
  money(minor: number): string;
}

export function ByGroupTable({ report, stamp, money, onOrders }: TableProps & { onOrders?: (period: number | null, group: number | null, what: OrdersWhat) => void }) {
  const dim = DIMENSION_LABEL[report.params.dimension];
  const byOrders = groupsByOrders(report);
  return (
    <ReportTable
      title={`By ${dim.toLowerCase()}, against the previous span`}
      testId="trend-by-group"
      stamp={stamp}
      columns={[{ label: dim }, { label: 'Orders', right: true }, { label: 'Order value', right: true }, { label: 'Fraud orders', right: true }, { label: 'Fraud value', right: true }, { label: 'Fraud rate', right: true }, { label: 'Previous', right: true }, { label: 'Change', right: true }, { label: 'Chargebacks', right: true }, { label: 'Chargeback value', right: true }]}
      rows={byOrders.map((i) => {
        const g = report.groups[i]!;
        const f = report.byGroup[i]!;
        const q = report.previousByGroup[i]!;
        return [g, formatCount(f.orders), money(f.orderValueMinor), formatCount(f.fraudOrders), money(f.fraudValueMinor), pct(fraudRate(f)), pct(fraudRate(q)), changePp(fraudRate(f), fraudRate(q)), formatCount(f.chargebacks), money(f.chargebackValueMinor)];
      })}
      csv={{
        name: `fraud-trend-by-${report.params.dimension}`,
        header: [report.params.dimension, 'orders', 'order_value', 'fraud_orders', 'fraud_value', 'fraud_rate', 'previous_fraud_rate', 'chargebacks', 'chargeback_value', 'currency'],
        rows: byOrders.map((i) => {
          const g = report.groups[i]!;
          const f = report.byGroup[i]!;
          return [g, f.orders, major(f.orderValueMinor), f.fraudOrders, major(f.fraudValueMinor), fraudRate(f), fraudRate(report.previousByGroup[i]!), f.chargebacks, major(f.chargebackValueMinor), report.params.currency];
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

export function ByFamilyTable({ report, stamp, money }: TableProps) {
  const t = report.total;
  const p = report.previousTotal;
  return (
    <ReportTable
      title="Chargebacks by reason family"
      testId="trend-by-family"
      stamp={stamp}
      columns={[{ label: 'Family' }, { label: 'Chargebacks', right: true }, { label: 'Value', right: true }, { label: 'Previous', right: true }, { label: 'Previous value', right: true }, { label: 'Change', right: true }]}
      rows={REASON_FAMILIES.filter((f) => t.byFamily[f].count + p.byFamily[f].count > 0).map((f) => [REASON_FAMILY_LABEL[f], formatCount(t.byFamily[f].count), money(t.byFamily[f].valueMinor), formatCount(p.byFamily[f].count), money(p.byFamily[f].valueMinor), change(t.byFamily[f].count, p.byFamily[f].count)])}
      csv={{
        name: 'chargebacks-by-reason-family',
        header: ['family', 'chargebacks', 'value', 'previous_chargebacks', 'previous_value', 'currency'],
        rows: REASON_FAMILIES.map((f) => [f, t.byFamily[f].count, major(t.byFamily[f].valueMinor), p.byFamily[f].count, major(p.byFamily[f].valueMinor), report.params.currency]),
      }}
    />
  );
}

export function PeriodRowsTable({ report, stamp, money }: TableProps) {
  const dim = DIMENSION_LABEL[report.params.dimension];
  const rows = trendRows(report);
  return (
    <ReportTable
      title={`By period and ${dim.toLowerCase()}`}
      testId="trend-rows"
      stamp={stamp}
      columns={[{ label: 'Period' }, { label: dim }, { label: 'Orders', right: true }, { label: 'Order value', right: true }, { label: 'Fraud orders', right: true }, { label: 'Fraud value', right: true }, { label: 'Fraud rate', right: true }, { label: 'Chargebacks', right: true }, { label: 'Chargeback value', right: true }]}
      rows={rows.map((r) => [r.period, r.group, formatCount(r.orders), money(r.orderValue * 100), formatCount(r.fraudOrders), money(r.fraudValue * 100), pct(r.orders ? r.fraudOrders / r.orders : null), formatCount(r.chargebacks), money(r.chargebackValue * 100)])}
      csv={{
        name: `fraud-trend-${report.params.period}-by-${report.params.dimension}`,
        header: ['period', report.params.dimension, 'orders', 'order_value', 'fraud_orders', 'fraud_value', 'chargebacks', 'chargeback_value', 'currency'],
        rows: rows.map((r) => [r.period, r.group, r.orders, r.orderValue, r.fraudOrders, r.fraudValue, r.chargebacks, r.chargebackValue, report.params.currency]),
      }}
    />
  );
}

export function RingTables({ rings, stamp, currency, onRing }: { rings: TrendRings | null; stamp: string; currency: string; onRing?: (ringId: string) => void }) {
  if (!rings) return <p className="muted no-print">Linking rings for the ring tables…</p>;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <div className="two-col">
      {([['Top rings of the range', rings.top, 'top-rings'], ['New rings in the range', rings.fresh, 'new-rings']] as const).map(([title, list, id]) => (
        <ReportTable
          key={id}
          title={title}
          testId={id}
          stamp={stamp}
          caption={id === 'top-rings' ? 'Most order value placed in the range.' : 'First order inside the range, riskiest first.'}
          columns={[{ label: 'Ring' }, { label: 'Orders', right: true }, { label: 'Value', right: true }, { label: 'First seen' }, { label: 'Risk', right: true }, { label: 'Verdict' }]}
          rows={list.map((r) => [r.id.replace(/^ring:/, ''), formatCount(r.ordersInRange), money(r.valueInRangeMinor), formatDate(r.firstSeen), r.score, VERDICT[r.status ?? ''] ?? '–'])}
          csv={{ name: id, header: ['ring', 'orders_in_range', 'value_in_range', 'first_seen', 'risk', 'verdict', 'currency'], rows: list.map((r) => [r.id, r.ordersInRange, major(r.valueInRangeMinor), formatDate(r.firstSeen), r.score, r.status ?? '', currency]) }}
          actions={(i) =>
            onRing ? (
              <button className="link" onClick={() => onRing(list[i]!.id)}>
                Open
              </button>
            ) : null
          }
        />
      ))}
    </div>
  );
}
