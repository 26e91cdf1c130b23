// The fraud-trend report as figures, charts and tables. Renders a computed report or a saved
// snapshot alike (it only reads the figures it is given). Bars and table rows open the orders
// behind them.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { REASON_FAMILIES, REASON_FAMILY_LABEL } from '../../../../shared/disputes/reasonCodes';
import { formatCount, formatDate, formatMoney } from '../../../../shared/domain/money';
import { DIMENSION_LABEL, fraudRate, fraudRateByValue, major, NO_ORDER_GROUP, trendRows, type PeriodRing, type TrendReport } from '../../../../shared/reports/fraudTrend';
import type { OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { change, changePp, ChartBox, Figure, pct, ReportTable } from './reportParts';

const VERDICT: Record<string, string> = { 'confirmed-fraud': 'Confirmed fraud', benign: 'Benign', 'needs-review': 'Needs review' };
const COLORS = ['#2f6fde', '#ff8a3d', '#1f7a4c', '#8e5cd9', '#c23b32', '#0f8b8d', '#b26a00', '#5f6b7a'];
const FAMILY_COLOR: Record<string, string> = { fraud: '#c23b32', consumer: '#2f6fde', processing: '#b26a00', authorisation: '#8e5cd9', unknown: '#8593a3' };
/** Charts draw at most this many groups; the rest are summed as "other". */
const MAX_SERIES = 7;

type BarClick = (entry: { payload?: { index?: number } }) => void;

/** Stacked bars per period, one series per bar; a click hands the bar's period to `onClick`. */
function StackedBars({ data, bars }: { data: Record<string, unknown>[]; bars: { key: string; name: string; color: string; onClick: BarClick }[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e4e8ee" />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis fontSize={11} allowDecimals={false} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {bars.map((b) => (
          <Bar key={b.key} dataKey={b.key} name={b.name} stackId="stack" fill={b.color} isAnimationActive={false} cursor="pointer" onClick={b.onClick} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface TrendRings {
  top: PeriodRing[];
  fresh: PeriodRing[];
}

export function FraudTrendView({ report, rings, dataSpan, stamp, onOrders, onRing }: {
  report: TrendReport;
  rings: TrendRings | null;
  /** First and last cached order when computed: periods beyond it hold partial data. */
  dataSpan: { min: number; max: number } | null;
  stamp: string;
  /** Period index (null: whole range), group index (null: all groups), and which of their orders. */
  onOrders?: (period: number | null, group: number | null, what: OrdersWhat) => void;
  onRing?: (ringId: string) => void;
}) {
  const cur = report.params.currency;
  const money = (minor: number) => formatMoney(minor, cur);
  const t = report.total;
  const p = report.previousTotal;
  const dim = DIMENSION_LABEL[report.params.dimension];
  const prevSpan = `${report.previous[0]!.label} – ${report.previous.at(-1)!.label}`;

  // Chart series: the largest groups by orders, the rest as one.
  const order = report.groups.map((_, g) => g).filter((g) => report.groups[g] !== NO_ORDER_GROUP).sort((a, b) => report.byGroup[b]!.orders - report.byGroup[a]!.orders);
  const shown = order.slice(0, MAX_SERIES);
  const rest = order.slice(MAX_SERIES);
  const series = [...shown.map((g) => ({ key: `g${g}`, name: report.groups[g]!, group: g as number | null })), ...(rest.length ? [{ key: 'other', name: `${rest.length} other`, group: null }] : [])];
  const data = report.periods.map((period, i) => {
    const row: Record<string, number | string | null> = { label: period.label, index: i };
    for (const g of shown) {
      row[`g${g}`] = report.cells[i]![g]!.orders;
      row[`fg${g}`] = report.cells[i]![g]!.fraudOrders;
    }
    if (rest.length) {
      row.other = rest.reduce((n, g) => n + report.cells[i]![g]!.orders, 0);
      row.fother = rest.reduce((n, g) => n + report.cells[i]![g]!.fraudOrders, 0);
    }
    const f = report.byPeriod[i]!;
    const r = fraudRate(f);
    const rv = fraudRateByValue(f);
    row.rate = r === null ? null : +(r * 100).toFixed(3);
    row.rateValue = rv === null ? null : +(rv * 100).toFixed(3);
    for (const fam of REASON_FAMILIES) row[`cb_${fam}`] = f.byFamily[fam].count;
    return row;
  });
  const clickBar = (group: number | null, what: OrdersWhat): BarClick => (entry) => {
    const i = entry.payload?.index;
    if (typeof i === 'number') onOrders?.(i, group, what);
  };
  const unconverted = Object.entries(report.unconverted);
  const partial: string[] = [];
  if (dataSpan) {
    const last = report.periods.at(-1)!;
    if (report.previous[0]!.from < dataSpan.min) partial.push(`the previous span starts before the first cached order (${formatDate(dataSpan.min)}), so its figures cover only part of it`);
    if (report.periods[0]!.from < dataSpan.min) partial.push(`the range itself starts before the first cached order (${formatDate(dataSpan.min)})`);
    if (last.to > dataSpan.max + 86_400_000) partial.push(`${last.label} runs past the latest cached order (${formatDate(dataSpan.max)}) and is partial`);
  }
  // Groups by orders in the range, largest first; chargebacks without a cached order last.
  const byOrders = report.groups.map((_, i) => i).sort((a, b) => Number(report.groups[a] === NO_ORDER_GROUP) - Number(report.groups[b] === NO_ORDER_GROUP) || report.byGroup[b]!.orders - report.byGroup[a]!.orders);

  return (
    <div className="report-body">
      <div className="figures">
        <Figure label="Orders" value={formatCount(t.orders)} sub={unconverted.length ? `${money(t.orderValueMinor)} (incomplete: see below)` : money(t.orderValueMinor)} previous={formatCount(p.orders)} delta={change(t.orders, p.orders)} />
        <Figure label="Confirmed fraud" value={formatCount(t.fraudOrders)} sub={money(t.fraudValueMinor)} previous={formatCount(p.fraudOrders)} delta={change(t.fraudOrders, p.fraudOrders)} bad={t.fraudOrders > p.fraudOrders} />
        <Figure label="Fraud rate" value={pct(fraudRate(t))} sub={`${pct(fraudRateByValue(t))} of value`} previous={pct(fraudRate(p))} delta={changePp(fraudRate(t), fraudRate(p))} bad={(fraudRate(t) ?? 0) > (fraudRate(p) ?? 0)} />
        <Figure label="Chargebacks" value={formatCount(t.chargebacks)} sub={money(t.chargebackValueMinor)} previous={formatCount(p.chargebacks)} delta={change(t.chargebacks, p.chargebacks)} bad={t.chargebacks > p.chargebacks} />
      </div>
      <p className="muted small">
        Previous span: {prevSpan}. Confirmed fraud: {formatCount(t.fraudBy.chargeback)} with a fraud chargeback, {formatCount(t.fraudBy.cancelled)} cancelled in review, {formatCount(t.fraudBy.ring)} in rings confirmed as fraud (an order with two of these counts once). Orders count in the period they were placed, chargebacks in the period they were opened; times are UTC; values in {cur}.
        {unconverted.length > 0 && <span className="warn"> Left out of values for want of a rate: {unconverted.map(([c, n]) => `${formatCount(n)} in ${c}`).join(', ')}.</span>}
        {partial.length > 0 && <span className="warn" data-testid="partial-data"> Partial data: {partial.join('; ')}. Fraud chargebacks also arrive weeks after the order, so the latest periods understate fraud.</span>}
      </p>

      {onOrders && <p className="muted small no-print">Click a bar or a point of a chart, or Orders in a table, to open the orders behind it.</p>}
      <div className="charts">
        <ChartBox title={`Orders by ${dim.toLowerCase()}`} stamp={stamp}>
          <StackedBars data={data} bars={series.map((s, k) => ({ key: s.key, name: s.name, color: COLORS[k % COLORS.length]!, onClick: clickBar(s.group, 'orders') }))} />
        </ChartBox>
        <ChartBox title="Fraud rate" note="Confirmed-fraud orders over orders placed, per period." stamp={stamp}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart
              data={data}
              margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
              onClick={(s: { activeTooltipIndex?: number | string | null }) => {
                const i = Number(s?.activeTooltipIndex);
                if (Number.isInteger(i) && i >= 0) onOrders?.(i, null, 'fraud');
              }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e4e8ee" />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis fontSize={11} tickFormatter={(v: number) => `${+v.toFixed(2)} %`} />
              <Tooltip formatter={(v) => `${Number(v).toFixed(2)} %`} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line dataKey="rate" name="by count" stroke="#c23b32" strokeWidth={2} isAnimationActive={false} connectNulls />
              <Line dataKey="rateValue" name="by value" stroke="#ff8a3d" strokeDasharray="4 3" isAnimationActive={false} connectNulls />
            </LineChart>
          </ResponsiveContainer>
        </ChartBox>
        <ChartBox title={`Confirmed fraud by ${dim.toLowerCase()}`} stamp={stamp}>
          <StackedBars data={data} bars={series.map((s, k) => ({ key: `f${s.key}`, name: s.name, color: COLORS[k % COLORS.length]!, onClick: clickBar(s.group, 'fraud') }))} />
        </ChartBox>
        <ChartBox title="Chargebacks by reason family" stamp={stamp}>
          <StackedBars data={data} bars={REASON_FAMILIES.filter((f) => t.byFamily[f].count > 0).map((f) => ({ key: `cb_${f}`, name: REASON_FAMILY_LABEL[f], color: FAMILY_COLOR[f]!, onClick: clickBar(null, { chargebacks: f }) }))} />
        </ChartBox>
      </div>

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
            return [g, f.orders, major(f.orderValueMinor), f.fraudOrders, major(f.fraudValueMinor), fraudRate(f), fraudRate(report.previousByGroup[i]!), f.chargebacks, major(f.chargebackValueMinor), cur];
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

      <ReportTable
        title="Chargebacks by reason family"
        testId="trend-by-family"
        stamp={stamp}
        columns={[{ label: 'Family' }, { label: 'Chargebacks', right: true }, { label: 'Value', right: true }, { label: 'Previous', right: true }, { label: 'Previous value', right: true }, { label: 'Change', right: true }]}
        rows={REASON_FAMILIES.filter((f) => t.byFamily[f].count + p.byFamily[f].count > 0).map((f) => [REASON_FAMILY_LABEL[f], formatCount(t.byFamily[f].count), money(t.byFamily[f].valueMinor), formatCount(p.byFamily[f].count), money(p.byFamily[f].valueMinor), change(t.byFamily[f].count, p.byFamily[f].count)])}
        csv={{
          name: 'chargebacks-by-reason-family',
          header: ['family', 'chargebacks', 'value', 'previous_chargebacks', 'previous_value', 'currency'],
          rows: REASON_FAMILIES.map((f) => [f, t.byFamily[f].count, major(t.byFamily[f].valueMinor), p.byFamily[f].count, major(p.byFamily[f].valueMinor), cur]),
        }}
      />

      <ReportTable
        title={`By period and ${dim.toLowerCase()}`}
        testId="trend-rows"
        stamp={stamp}
        columns={[{ label: 'Period' }, { label: dim }, { label: 'Orders', right: true }, { label: 'Order value', right: true }, { label: 'Fraud orders', right: true }, { label: 'Fraud value', right: true }, { label: 'Fraud rate', right: true }, { label: 'Chargebacks', right: true }, { label: 'Chargeback value', right: true }]}
        rows={trendRows(report).map((r) => [r.period, r.group, formatCount(r.orders), money(r.orderValue * 100), formatCount(r.fraudOrders), money(r.fraudValue * 100), pct(r.orders ? r.fraudOrders / r.orders : null), formatCount(r.chargebacks), money(r.chargebackValue * 100)])}
        csv={{
          name: `fraud-trend-${report.params.period}-by-${report.params.dimension}`,
          header: ['period', report.params.dimension, 'orders', 'order_value', 'fraud_orders', 'fraud_value', 'chargebacks', 'chargeback_value', 'currency'],
          rows: trendRows(report).map((r) => [r.period, r.group, r.orders, r.orderValue, r.fraudOrders, r.fraudValue, r.chargebacks, r.chargebackValue, cur]),
        }}
      />

      {rings ? (
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
              csv={{ name: id, header: ['ring', 'orders_in_range', 'value_in_range', 'first_seen', 'risk', 'verdict', 'currency'], rows: list.map((r) => [r.id, r.ordersInRange, major(r.valueInRangeMinor), formatDate(r.firstSeen), r.score, r.status ?? '', cur]) }}
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
      ) : (
        <p className="muted no-print">Linking rings for the ring tables…</p>
      )}
    </div>
  );
}
