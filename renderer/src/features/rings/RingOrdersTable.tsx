// A ring's orders (or those linked to the selected graph node), each with "expand" to draw its
// neighbours outside the ring.
import { cardSummary, channelLabel, type Order } from '../../../../shared/domain/order';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

export interface RingOrder {
  o: Order;
  /** The order's node in the link graph. */
  node: string;
}

export function RingOrdersTable({ orders, onExpand }: { orders: RingOrder[]; onExpand(node: string, label: string): void }) {
  const columns: Column<RingOrder>[] = [
    { header: 'Date (UTC)', cell: ({ o }) => showDateTime(o.createdAt) },
    { header: 'Order', cell: ({ o }) => o.externalId },
    { header: 'Channel', cell: ({ o }) => channelLabel(o) },
    { header: 'Total', cell: ({ o }) => formatMoney(o.totalMinor, o.currency) },
    { header: 'Email', cell: ({ o }) => o.email },
    { header: 'Ship to', cell: ({ o }) => `${o.shipName}, ${o.shipStreet}, ${o.shipPostcode} ${o.shipCity}` },
    { header: 'Card', cell: ({ o }) => cardSummary(o) },
    { header: 'IP', cell: ({ o }) => o.ip },
    {
      header: null,
      cell: ({ o, node }) => (
        <button className="link" aria-label={`Expand neighbours of order ${o.externalId}`} onClick={() => onExpand(node, `order ${o.externalId}`)}>
          expand
        </button>
      ),
    },
  ];
  return <HistoryTable rows={orders} columns={columns} rowKey={({ o }) => `${o.source}:${o.externalId}`} label="Ring orders" />;
}
