// The columns of the orders table: what an analyst scans first, left to right.
import type { ReactNode } from 'react';
import { cardSummary, channelLabel } from '../../../../shared/domain/order';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import type { OrderSortField } from '../../../../shared/orders/query';
import type { OrderRow } from '../../core/contract';

export interface OrderColumn {
  id: string;
  label: string;
  width: number;
  sort?: OrderSortField;
  align?: 'right';
  cell(o: OrderRow): ReactNode;
}

export const ORDER_COLUMNS: OrderColumn[] = [
  { id: 'createdAt', label: 'Date (UTC)', width: 150, sort: 'createdAt', cell: (o) => showDateTime(o.createdAt) },
  { id: 'externalId', label: 'Order', width: 190, cell: (o) => o.externalId },
  { id: 'marketplace', label: 'Channel', width: 110, sort: 'marketplace', cell: (o) => channelLabel(o) },
  { id: 'status', label: 'Status', width: 88, sort: 'status', cell: (o) => <span className={`status status-${o.status}`}>{o.status}</span> },
  { id: 'total', label: 'Total', width: 100, sort: 'totalMinor', align: 'right', cell: (o) => formatMoney(o.totalMinor, o.currency) },
  { id: 'email', label: 'Email', width: 230, cell: (o) => o.email },
  { id: 'shipName', label: 'Ship to', width: 160, cell: (o) => o.shipName },
  { id: 'shipPostcode', label: 'Postcode', width: 80, cell: (o) => o.shipPostcode },
  { id: 'shipCity', label: 'City', width: 120, cell: (o) => o.shipCity },
  { id: 'shipCountry', label: 'Ctry', width: 48, cell: (o) => o.shipCountry },
  { id: 'card', label: 'Card', width: 170, cell: (o) => cardSummary(o) },
  { id: 'ip', label: 'IP', width: 130, cell: (o) => o.ip },
];

export const TABLE_WIDTH = ORDER_COLUMNS.reduce((w, c) => w + c.width, 0);
export const GRID_TEMPLATE = ORDER_COLUMNS.map((c) => `${c.width}px`).join(' ');
