// When a ring's orders came in: orders per day, stacked by channel, so a burst stands out.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MARKETPLACES, MARKETPLACE_LABEL, type Order } from '../../../../shared/domain/order';
import { formatCount, showDate } from '../../../../shared/domain/money';
import { CHANNEL_COLOUR } from '../../ui/channelColours';

const DAY = 86_400_000;

export function RingTimeline({ orders }: { orders: readonly Order[] }) {
  if (orders.length === 0) return null;
  const first = Math.floor(Math.min(...orders.map((o) => o.createdAt)) / DAY);
  const last = Math.floor(Math.max(...orders.map((o) => o.createdAt)) / DAY);
  const days = Array.from({ length: Math.min(last - first + 1, 400) }, (_, i) => ({
    day: showDate((first + i) * DAY),
    amazon: 0,
    zalando: 0,
    shop: 0,
    other: 0,
  }));
  for (const o of orders) {
    const d = days[Math.floor(o.createdAt / DAY) - first];
    if (d) d[o.marketplace]++;
  }
  return (
    <div className="ring-timeline" aria-label="Orders per day" role="img">
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 10 }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10 }} tickFormatter={formatCount} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {MARKETPLACES.filter((m) => orders.some((o) => o.marketplace === m)).map((m) => (
            <Bar key={m} dataKey={m} name={MARKETPLACE_LABEL[m]} stackId="c" fill={CHANNEL_COLOUR[m]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
