// The columns of the orders table: what an analyst scans first, left to right. Widths are the
// least each needs; priority says which hide first when the table is narrower than all of them
// (every value stays in the order's detail panel).
import type { ReactNode } from 'react';
import { cardDigits, cardSummary, channelLabel, shortCardBrand } from '../../../../shared/domain/order';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import type { OrderSortField } from '../../../../shared/orders/query';
import type { OrderRow } from '../../core/contract';
import { DECIDED } from '../../../../shared/decisions/standing';
import { erasureMarkText, erasureMarkWord, type ErasureMark } from '../../../../shared/orders/erasureMarks';

export interface OrderColumn {
  id: string;
  label: string;
  width: number;
  /** 1 always shows; higher numbers hide first. */
  priority: number;
  sort?: OrderSortField;
  align?: 'right';
  /** A field an erasure blanks: an erased order's empty cell says so (OrdersTable). */
  personal?: true;
  /** The cell's whole value as text: its tooltip when the cell is too narrow for it. */
  text(o: OrderRow): string;
  cell?(o: OrderRow): ReactNode;
}

export const ORDER_COLUMNS: OrderColumn[] = [
  // `2026-11-18 13:45` whole: at 140 the minutes were cut to an ellipsis.
  { id: 'createdAt', label: 'Date (UTC)', width: 150, priority: 1, sort: 'createdAt', text: (o) => showDateTime(o.createdAt) },
  // An Amazon order number (305-3940409-2547477) whole: at 170 it lost its last digits to an ellipsis.
  { id: 'externalId', label: 'Order', width: 180, priority: 1, text: (o) => o.externalId },
  { id: 'marketplace', label: 'Channel', width: 104, priority: 2, sort: 'marketplace', text: (o) => channelLabel(o) },
  {
    id: 'status',
    label: 'Status',
    // "cancelled" as a badge needs 86 px: at 84 it lost its last letters.
    width: 92,
    priority: 2,
    sort: 'status',
    text: (o) => o.status,
    cell: (o) => <span className={`status order-${o.status}`}>{o.status}</span>,
  },
  {
    // The analyst's decision that stands (hold, release, cancel), beside what the shop did.
    id: 'decision',
    label: 'Decision',
    width: 92,
    priority: 2,
    text: (o) => (o.decision ? DECIDED[o.decision] : ''),
    cell: (o) => o.decision && <span className={`status decision-${o.decision}`}>{DECIDED[o.decision]}</span>,
  },
  { id: 'total', label: 'Total', width: 96, priority: 1, sort: 'totalMinor', align: 'right', text: (o) => formatMoney(o.totalMinor, o.currency) },
  // 182, not more: beside a whole date, order number and card brand, City still fits at 1440 px (a long address is cut, with its tooltip, either way).
  { id: 'email', label: 'Email', width: 182, priority: 3, personal: true, text: (o) => o.email },
  {
    id: 'card',
    label: 'Card',
    personal: true,
    // Wide enough for a four-letter brand (Visa, Amex) whole beside `•••• 4383 11/27`: at 150 it showed `v…`.
    width: 178,
    priority: 4,
    text: (o) => cardSummary(o),
    // The last 4 an analyst searches by must show whole: long brands are shortened (the tooltip
    // keeps the full summary), and a brand still too long gives way to an ellipsis, never the digits.
    cell: (o) =>
      o.cardLast4 && (
        <span className="card-cell">
          {o.cardBrand && <span className="card-brand">{shortCardBrand(o.cardBrand)}</span>} <span className="card-digits">{cardDigits(o)}</span>
        </span>
      ),
  },
  { id: 'shipCity', label: 'City', width: 110, priority: 5, personal: true, text: (o) => o.shipCity },
  { id: 'shipName', label: 'Ship to', width: 140, priority: 6, personal: true, text: (o) => o.shipName },
  { id: 'shipPostcode', label: 'Postcode', width: 76, priority: 7, personal: true, text: (o) => o.shipPostcode },
  { id: 'shipCountry', label: 'Ctry', width: 46, priority: 7, text: (o) => o.shipCountry },
  { id: 'ip', label: 'IP', width: 120, priority: 8, personal: true, text: (o) => o.ip },
];

/**
 * What an erased order's blank personal cells show: the first the reason with its request
 * (`erased on request GDPR-2026-118`), the others a word (`erased`); null for a cell with a value.
 */
export function erasedCell(columns: readonly OrderColumn[], c: OrderColumn, o: OrderRow, mark: ErasureMark | null): string | null {
  if (!mark || !c.personal || c.text(o) !== '') return null;
  const first = columns.find((x) => x.personal && x.text(o) === '');
  return first === c ? erasureMarkText(mark) : erasureMarkWord(mark);
}

/** Columns share the width beyond their least in proportion to it. */
export function gridTemplate(columns: readonly OrderColumn[]): string {
  return columns.map((c) => `minmax(${c.width}px, ${c.width}fr)`).join(' ');
}

export function tableWidth(columns: readonly OrderColumn[]): number {
  return columns.reduce((w, c) => w + c.width, 0);
}
