// The orders screen: every cached order, searchable and filterable, or the first-run offer
// when the cache is empty.
import { useEffect, useState } from 'react';
import { orderKey } from '../../../../shared/domain/order';
import { useUi } from '../../state/uiStore';
import type { OrderRowsState } from './useOrderRows';
import { formatCount } from '../../../../shared/domain/money';
import type { CacheOverview, OrderRow } from '../../core/contract';
import { FirstRun } from '../welcome';
import { OrderDetail } from './OrderDetail';
import { OrdersTable } from './OrdersTable';
import { OrdersToolbar } from './OrdersToolbar';
import { useOrderRows } from './useOrderRows';
import { ErrorAlert } from '../../app/Alerts';

export function OrdersScreen({ overview }: { overview: CacheOverview | null }) {
  const rows = useOrderRows();
  const [open, setOpen] = useState<OrderRow | null>(null);
  useOpenRequestedOrder(rows, setOpen);
  const empty = overview !== null && overview.orders === 0;
  return (
    <section className="screen orders-screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Orders</h1>
        {!empty && rows.total !== null && (
          <span className="count" data-testid="orders-count" data-search={rows.appliedSearch} aria-busy={rows.loading} aria-live="polite">
            {rows.total === overview?.orders
              ? `${formatCount(rows.total)} orders`
              : `${formatCount(rows.total)} of ${formatCount(overview?.orders ?? 0)} orders`}
            {rows.loading && ' · searching…'}
          </span>
        )}
      </header>
      {empty ? (
        <FirstRun />
      ) : (
        <>
          <OrdersToolbar />
          <ErrorAlert message={rows.error} />
          <div className="orders-body">
            <OrdersTable rows={rows} onOpen={setOpen} selected={open?.row ?? null} />
            {open && <OrderDetail order={open} onClose={() => setOpen(null)} />}
          </div>
          {rows.total === 0 && !rows.loading && <p className="empty-note">No order matches these filters.</p>}
        </>
      )}
    </section>
  );
}

/** The order the command palette jumped to: opened once the search it set has found it. */
function useOpenRequestedOrder(rows: OrderRowsState, open: (row: OrderRow) => void) {
  const orderFor = useUi((s) => s.orderFor);
  const orderShown = useUi((s) => s.orderShown);
  const search = useUi((s) => s.search);
  useEffect(() => {
    if (!orderFor || rows.loading || rows.total === null || rows.appliedSearch !== search) return;
    const n = Math.min(rows.total, 50);
    rows.ensureRange(0, n);
    for (let i = 0; i < n; i++) {
      const r = rows.row(i);
      if (r === undefined) return;
      if (orderKey(r) === orderFor) {
        open(r);
        break;
      }
    }
    orderShown();
  });
}
