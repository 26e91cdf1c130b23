// The fraud trend's four charts: orders and confirmed fraud stacked by group, the fraud rate by
// count and value, chargebacks by reason family. A click on a bar or a point opens its orders.
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, useActiveTooltipDataPoints } from 'recharts';
import { formatCount, formatDecimal } from '../../../../shared/domain/money';
import { REASON_FAMILIES, REASON_FAMILY_LABEL } from '../../../../shared/disputes/reasonCodes';
import { DIMENSION_LABEL, type TrendReport } from '../../../../shared/reports/fraudTrend';
import type { OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { ChartBox } from './reportParts';
import type { Series } from './trendChartData';
import { channelColourOf } from '../../ui/channelColours';

const COLORS = ['#2f6fde', '#ff8a3d', '#1f7a4c', '#8e5cd9', '#c23b32', '#0f8b8d', '#b26a00', '#5f6b7a'];
const FAMILY_COLOR: Record<string, string> = { fraud: '#c23b32', consumer: '#2f6fde', processing: '#b26a00', authorisation: '#8e5cd9', unknown: '#8593a3' };

type BarClick = (entry: { payload?: { index?: number } }) => void;
type OnOrders = (period: number | null, group: number | null, what: OrdersWhat) => void;

/** Inside a chart: reports the period the tooltip is on (moved by mouse or by the arrow keys). */
function ActivePeriod({ onChange }: { onChange(period: number | null): void }) {
  const points = useActiveTooltipDataPoints<{ index?: unknown }>();
  const i = points?.[0]?.index;
  const period = typeof i === 'number' ? i : null;
  useEffect(() => onChange(period), [period, onChange]);
  return null;
}

/**
 * The keyboard path to what a click does: the chart takes the focus (Tab), left and right arrows
 * move between periods (Recharts' accessibility layer), and Enter or Space opens the orders of the
 * period shown.
 */
function KeyboardDrill({ onEnter, children }: { onEnter?: (period: number) => void; children: (onActive: (period: number | null) => void) => ReactNode }) {
  const [active, setActive] = useState<number | null>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'Enter' || e.key === ' ') && onEnter && active !== null) {
      e.preventDefault();
      onEnter(active);
    }
  };
  // The chart's own focusable surface gets the keys; this only hears them bubble up.
  return (
    <div className="chart-keys" onKeyDown={onKeyDown}>
      {children(setActive)}
      {onEnter && (
        <p className="visually-hidden">Focus the chart, move between periods with the left and right arrow keys, press Enter to open the orders of a period.</p>
      )}
    </div>
  );
}

/** Stacked bars per period, one series per bar; a click hands the bar's period to `onClick`, Enter the period's. */
function StackedBars({
  data,
  bars,
  onPeriod,
}: {
  data: Record<string, unknown>[];
  bars: { key: string; name: string; color: string; onClick: BarClick }[];
  onPeriod?: (period: number) => void;
}) {
  return (
    <KeyboardDrill onEnter={onPeriod}>
      {(active) => (
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer>
            <ActivePeriod onChange={active} />
            <CartesianGrid strokeDasharray="3 3" stroke="#e4e8ee" />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis fontSize={11} allowDecimals={false} tickFormatter={formatCount} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {bars.map((b) => (
              <Bar key={b.key} dataKey={b.key} name={b.name} stackId="stack" fill={b.color} isAnimationActive={false} cursor="pointer" onClick={b.onClick} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </KeyboardDrill>
  );
}

function FraudRateChart({ data, onOrders }: { data: Record<string, unknown>[]; onOrders?: OnOrders }) {
  return (
    <KeyboardDrill onEnter={onOrders && ((i) => onOrders(i, null, 'fraud'))}>
      {(active) => (
        <ResponsiveContainer width="100%" height={240}>
          <LineChart
            accessibilityLayer
            data={data}
            margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
            onClick={(s: { activeTooltipIndex?: number | string | null }) => {
              const i = Number(s?.activeTooltipIndex);
              if (Number.isInteger(i) && i >= 0) onOrders?.(i, null, 'fraud');
            }}
          >
            <ActivePeriod onChange={active} />
            <CartesianGrid strokeDasharray="3 3" stroke="#e4e8ee" />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis fontSize={11} tickFormatter={(v: number) => `${formatDecimal(v, 2, 0)} %`} />
            <Tooltip formatter={(v) => `${formatDecimal(Number(v), 2)} %`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line dataKey="rate" name="by count" stroke="#c23b32" strokeWidth={2} isAnimationActive={false} connectNulls />
            <Line dataKey="rateValue" name="by value" stroke="#ff8a3d" strokeDasharray="4 3" isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      )}
    </KeyboardDrill>
  );
}

export function TrendCharts({
  report,
  series,
  data,
  stamp,
  onOrders,
}: {
  report: TrendReport;
  series: Series[];
  data: Record<string, unknown>[];
  stamp: string;
  onOrders?: OnOrders;
}) {
  const dim = DIMENSION_LABEL[report.params.dimension].toLowerCase();
  const clickBar =
    (group: number | null, what: OrdersWhat): BarClick =>
    (entry) => {
      const i = entry.payload?.index;
      if (typeof i === 'number') onOrders?.(i, group, what);
    };
  // By marketplace, each channel in its own colour, as on a ring's timeline; other groups in turn.
  const colourOf = (s: Series, k: number) =>
    (report.params.dimension === 'marketplace' && s.group !== null ? channelColourOf(s.name) : undefined) ?? COLORS[k % COLORS.length]!;
  const bySeries = (prefix: string, what: OrdersWhat) =>
    series.map((s, k) => ({ key: `${prefix}${s.key}`, name: s.name, color: colourOf(s, k), onClick: clickBar(s.group, what) }));
  return (
    <div className="charts">
      <ChartBox title={`Orders by ${dim}`} stamp={stamp}>
        <StackedBars data={data} bars={bySeries('', 'orders')} onPeriod={onOrders && ((i) => onOrders(i, null, 'orders'))} />
      </ChartBox>
      <ChartBox title="Fraud rate" note="Confirmed-fraud orders over orders placed, per period." stamp={stamp}>
        <FraudRateChart data={data} onOrders={onOrders} />
      </ChartBox>
      <ChartBox title={`Confirmed fraud by ${dim}`} stamp={stamp}>
        <StackedBars data={data} bars={bySeries('f', 'fraud')} onPeriod={onOrders && ((i) => onOrders(i, null, 'fraud'))} />
      </ChartBox>
      <ChartBox title="Chargebacks by reason family" stamp={stamp}>
        <StackedBars
          data={data}
          bars={REASON_FAMILIES.filter((f) => report.total.byFamily[f].count > 0).map((f) => ({
            key: `cb_${f}`,
            name: REASON_FAMILY_LABEL[f],
            color: FAMILY_COLOR[f]!,
            onClick: clickBar(null, { chargebacks: f }),
          }))}
        />
      </ChartBox>
    </div>
  );
}
