// The fraud-trend report as figures, charts and tables. Renders a computed report or a saved
// snapshot alike (it only reads the figures it is given). Bars and table rows open the orders
// behind them.
import { formatCount, formatMoney } from '../../../../shared/domain/money';
import { fraudRate, fraudRateByValue, type TrendReport } from '../../../../shared/reports/fraudTrend';
import type { OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { change, changePp, Figure, pct } from './reportParts';
import { partialData, previousIsPartial, trendChartData } from './trendChartData';
import { TrendCharts } from './TrendCharts';
import { RingTables } from './RingTables';
import { ByFamilyTable, ByGroupTable, PeriodRowsTable } from './TrendTables';
import type { TrendRings } from './shownReport';

export function FraudTrendView({
  report,
  rings,
  dataSpan,
  stamp,
  onOrders,
  onRing,
}: {
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
  const prevSpan = `${report.previous[0]!.label} – ${report.previous.at(-1)!.label}`;
  const { series, data } = trendChartData(report);
  const unconverted = Object.entries(report.unconverted);
  const partial = partialData(report, dataSpan);
  // Against a previous span the data covers only in part, a change would compare unlike spans: none is shown.
  const prevPartial = previousIsPartial(report, dataSpan);
  const previous = (text: string) => (prevPartial ? `${text} (partial)` : text);

  return (
    <div className="report-body">
      <div className="figures">
        <CountFigure
          label="Orders"
          now={t.orders}
          before={p.orders}
          previousPartial={prevPartial}
          sub={unconverted.length ? `${money(t.orderValueMinor)} (incomplete: see below)` : money(t.orderValueMinor)}
        />
        <CountFigure
          label="Confirmed fraud"
          now={t.fraudOrders}
          before={p.fraudOrders}
          previousPartial={prevPartial}
          sub={money(t.fraudValueMinor)}
          worseWhenUp
        />
        <Figure
          label="Fraud rate"
          value={pct(fraudRate(t))}
          sub={`${pct(fraudRateByValue(t))} of value`}
          previous={previous(pct(fraudRate(p)))}
          delta={prevPartial ? undefined : changePp(fraudRate(t), fraudRate(p))}
          bad={!prevPartial && (fraudRate(t) ?? 0) > (fraudRate(p) ?? 0)}
        />
        <CountFigure
          label="Chargebacks"
          now={t.chargebacks}
          before={p.chargebacks}
          previousPartial={prevPartial}
          sub={money(t.chargebackValueMinor)}
          worseWhenUp
        />
      </div>
      <p className="muted small">
        Previous span: {prevSpan}.{' '}
        <span data-testid="fraud-sources">
          Confirmed fraud: {formatCount(t.fraudBy.chargeback)} with a fraud chargeback,{' '}
          {t.fraudBy.fraudReport !== undefined && <>{formatCount(t.fraudBy.fraudReport)} with an issuer&rsquo;s fraud report (TC40, SAFE), </>}
          {formatCount(t.fraudBy.cancelled)} cancelled in review, {formatCount(t.fraudBy.ring)} in rings confirmed as fraud
          {/* Snapshots saved before known outcomes counted have no such figure. */}
          {t.fraudBy.outcome !== undefined && <>, {formatCount(t.fraudBy.outcome)} with a known outcome of fraud from an imported file</>} (an order with two of
          these counts once).
        </span>{' '}
        Orders count in the period they were placed, chargebacks in the period they were opened; times are UTC; values in {cur}.
        {unconverted.length > 0 && (
          <span className="warn"> Left out of values for want of a rate: {unconverted.map(([c, n]) => `${formatCount(n)} in ${c}`).join(', ')}.</span>
        )}
        {partial.length > 0 && (
          <span className="warn" data-testid="partial-data">
            {' '}
            Partial data: {partial.join('; ')}. Fraud chargebacks also arrive weeks after the order, so the latest periods understate fraud.
          </span>
        )}
      </p>

      {onOrders && <p className="muted small no-print">Click a bar or a point of a chart, or Orders in a table, to open the orders behind it.</p>}
      <TrendCharts report={report} series={series} data={data} stamp={stamp} onOrders={onOrders} />
      <ByGroupTable report={report} stamp={stamp} money={money} previousPartial={prevPartial} onOrders={onOrders} />
      <ByFamilyTable report={report} stamp={stamp} money={money} previousPartial={prevPartial} />
      <PeriodRowsTable report={report} stamp={stamp} money={money} />
      <RingTables rings={rings} stamp={stamp} currency={cur} onRing={onRing} />
    </div>
  );
}

/**
 * A count against the previous span; `worseWhenUp` marks a rise as bad (fraud, chargebacks). Against
 * a span the data covers only in part, the previous figure says so and no change is shown.
 */
function CountFigure({
  label,
  now,
  before,
  previousPartial,
  sub,
  worseWhenUp = false,
}: {
  label: string;
  now: number;
  before: number;
  previousPartial: boolean;
  sub: string;
  worseWhenUp?: boolean;
}) {
  return (
    <Figure
      label={label}
      value={formatCount(now)}
      sub={sub}
      previous={previousPartial ? `${formatCount(before)} (partial)` : formatCount(before)}
      delta={previousPartial ? undefined : change(now, before)}
      bad={!previousPartial && worseWhenUp && now > before}
    />
  );
}
