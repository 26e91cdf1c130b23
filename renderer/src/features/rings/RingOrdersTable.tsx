// A ring's orders (or those linked to the selected graph node), each with "expand" to draw its
// neighbours outside the ring.
import type { ReactNode } from 'react';
import { cardSummary, channelLabel, orderKey, type Order } from '../../../../shared/domain/order';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import { erasureMarkText, erasureMarkWord, type ErasureMark } from '../../../../shared/orders/erasureMarks';
import { useErasureMarks } from '../../state/useErasedOrders';
import { FittedTable, type FitColumn } from '../../ui/FittedTable';

/** A personal field as the table shows it: its value, or for an erased order why it is blank. */
function personal(value: string, mark: ErasureMark | null, say: (m: ErasureMark) => string): ReactNode {
  return value || (mark ? <span className="erased-mark">{say(mark)}</span> : '');
}

export interface RingOrder {
  o: Order;
  /** The order's node in the link graph. */
  node: string;
}

export function RingOrdersTable({ orders, onExpand }: { orders: RingOrder[]; onExpand(node: string, label: string): void }) {
  const markOf = useErasureMarks();
  const mark = (o: Order) => markOf(orderKey(o), o.createdAt);
  const shipTo = (o: Order) =>
    o.shipName || o.shipStreet || o.shipPostcode || o.shipCity ? `${o.shipName}, ${o.shipStreet}, ${o.shipPostcode} ${o.shipCity}` : '';
  // What names an order, and its expand, always show; the rest hides to fit, the least needed first.
  const columns: FitColumn<RingOrder>[] = [
    { id: 'date', priority: 1, header: 'Date (UTC)', cell: ({ o }) => showDateTime(o.createdAt) },
    { id: 'order', priority: 1, header: 'Order', cell: ({ o }) => o.externalId },
    { id: 'channel', priority: 3, header: 'Channel', cell: ({ o }) => channelLabel(o) },
    { id: 'total', priority: 2, header: 'Total', cell: ({ o }) => formatMoney(o.totalMinor, o.currency) },
    { id: 'email', priority: 4, header: 'Email', cell: ({ o }) => personal(o.email, mark(o), erasureMarkText) },
    { id: 'shipTo', priority: 5, header: 'Ship to', cell: ({ o }) => personal(shipTo(o), mark(o), erasureMarkWord) },
    { id: 'card', priority: 4, header: 'Card', cell: ({ o }) => personal(cardSummary(o), mark(o), erasureMarkWord) },
    { id: 'ip', priority: 6, header: 'IP', cell: ({ o }) => personal(o.ip, mark(o), erasureMarkWord) },
    {
      id: 'expand',
      priority: 1,
      header: null,
      headerLabel: 'Expand',
      cell: ({ o, node }) => (
        <button className="link" aria-label={`Expand neighbours of order ${o.externalId}`} onClick={() => onExpand(node, `order ${o.externalId}`)}>
          expand
        </button>
      ),
    },
  ];
  return (
    <FittedTable
      tableId="ring-orders"
      rows={orders}
      columns={columns}
      rowKey={({ o }) => `${o.source}:${o.externalId}`}
      label="Ring orders"
      hiddenWhere="in each order's detail in Orders"
    />
  );
}
