// The Orders room: what the cache holds, the orders table's query and rows, search warm-up, the
// demo data and clearing the cache.
import { PaymentStore } from '../storage/paymentStore';
import { upgradeProgress } from '../storage/schema';
import type { MetaValues } from '../storage/metaRepository';
import type { OrderQuery, OrderRow } from '../storage/orderStore';
import { wipeCache } from '../storage/wipe';
import type { CoreContext, ProgressFn } from '../context';
import type { ReportService } from '../reports/reportService';
import { loadDemoData } from './demoLoader';
import { NO_FILTER, type OrderFilter } from '../../../../shared/orders/query';
import type { MatchGroup } from '../../../../shared/orders/search';
import { orderKey, type Order } from '../../../../shared/domain/order';
import type { Payment } from '../../../../shared/domain/payment';
import { orderRefVariants } from '../../../../shared/orders/paymentFacts';
import { assumedOrderKeys, paymentsNaming, type PaymentJoin } from '../../../../shared/orders/paymentsNaming';
import { decisionThatStands } from '../../../../shared/decisions/standing';
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { standingDisputes } from '../../../../shared/disputes/standing';

/** A payment as an order's detail lists it: no card or personal data beyond what the order shows. */
export interface OrderPayment {
  id: string;
  provider: string;
  status: Payment['status'];
  amountMinor: number;
  currency: string;
  createdAt: number;
  /** How it stands to the order: joined (by its shop or by assumed shop), or not joined because it does not fit. */
  join: PaymentJoin;
}

export interface CacheOverview {
  orders: number;
  payments: number;
  disputes: number;
  span: { min: number; max: number } | null;
  dataset: MetaValues['dataset'] | null;
  /** Imports that wrote orders or records into the cache and were not undone: beside the demo year, they mix with it. */
  imports: number;
}

export function ordersHandlers(ctx: CoreContext, reports: ReportService) {
  const { db, store } = ctx;
  return {
    /** What the cache is doing while it opens: a schema upgrade's progress, or null. */
    openingProgress(): { what: string; done: number; total: number } | null {
      return upgradeProgress.current;
    },

    async overview(): Promise<CacheOverview> {
      await ctx.ready();
      const [payments, disputes, dataset, imports] = await Promise.all([
        new PaymentStore(db).count(),
        // Disputes as the Disputes screen lists them: one per dispute, however many exports name it
        // (a Stripe payments export's row and its disputes export, an Adyen request keyed by its payment).
        db.disputes.toArray().then((all) => standingDisputes(all).disputes.length),
        ctx.meta.get('dataset'),
        db.imports.filter((i) => i.status !== 'undone' && !i.undoneAt && i.created + i.updated > 0).count(),
      ]);
      return { orders: store.count, payments, disputes, span: store.span(), dataset: dataset ?? null, imports };
    },

    /**
     * The payments naming an own-shop order (its number, in any spelling), newest first, for its
     * detail (paymentsNaming.ts): those that joined it, by its shop or by assumed shop, and those of
     * its shop that did not fit it, each saying why. A payment of another shop's order of that number
     * is not listed.
     */
    async paymentsOfOrder(order: Pick<Order, 'marketplace' | 'source' | 'externalId' | 'totalMinor' | 'currency' | 'createdAt'>): Promise<OrderPayment[]> {
      await ctx.ready();
      if (order.marketplace !== 'shop') return [];
      const found = await new PaymentStore(db).byOrderRefs(orderRefVariants(order.externalId));
      // A payment stored before payments kept their shop is taken as the default shop's, as the join takes it.
      const keysOf = (p: Payment) => assumedOrderKeys(p, order, 'shopify');
      const snap = store.currentSnapshot();
      const rows = await snap.rowsOfKeys(new Set(found.flatMap(keysOf)));
      const keyed = [...rows];
      const read = await snap.rowsAt(keyed.map(([, row]) => row));
      const assumed = new Map<string, Order>(keyed.map(([key], i) => [key, read[i]!]));
      const assumedOrder = (p: Payment) =>
        keysOf(p)
          .map((k) => assumed.get(k))
          .find(Boolean);
      return paymentsNaming(order, found, 'shopify', assumedOrder)
        .sort((a, b) => b.payment.createdAt - a.payment.createdAt)
        .map(({ payment: p, join }) => ({
          id: p.id,
          provider: p.provider,
          status: p.status,
          amountMinor: p.amountMinor,
          currency: p.currency,
          createdAt: p.createdAt,
          join,
        }));
    },

    async queryOrders(q: OrderQuery): Promise<number> {
      await ctx.ready();
      const only = q.filter.only;
      return store.query(q, only ? (snap) => reports.ordersBehind(snap, only) : null);
    },

    /** Up to `limit` orders a search finds, newest first, leaving the table's result alone (the command palette). */
    async findOrders(search: string, limit: number): Promise<{ total: number; rows: OrderRow[] }> {
      await ctx.ready();
      return store.find({ filter: NO_FILTER, sort: { field: 'createdAt', dir: 'desc' }, search }, Math.max(0, Math.min(limit, 50)));
    },

    /** Free text's matches per group of columns, for the search box to offer narrowing; null for a narrower query. */
    async searchMatchGroups(search: string, filter: OrderFilter): Promise<MatchGroup[] | null> {
      await ctx.ready();
      return store.matchGroups(search, filter);
    },

    /** A page of the table: the orders, each with the decision that stands on it (the log's, by order key). */
    async orderRows(start: number, end: number): Promise<OrderRow[]> {
      await ctx.ready();
      const rows = await store.rows(start, end);
      if (rows.length === 0) return rows;
      const keys = rows.map(orderKey);
      const standing = decisionThatStands(await db.decisions.where('orderKey').anyOf(keys).sortBy('seq'));
      if (standing.size === 0) return rows;
      return rows.map((r, i) => {
        const d = standing.get(keys[i]!);
        return d ? { ...r, decision: d.decision } : r;
      });
    },

    /** Warms the search index in the background after the first screen is up. */
    async prepareSearch(onProgress?: ProgressFn): Promise<void> {
      await ctx.ready();
      await store.loadAllText(onProgress);
    },

    async loadDemo(orders: number, onProgress?: ProgressFn): Promise<number> {
      const n = await loadDemoData(db, { orders, clock: ctx.clock }, onProgress);
      await ctx.reopen();
      return n;
    },

    /** Re-reads the cache after another worker (imports) changed it. */
    reload: (): Promise<void> => ctx.reopen(),

    /** Clears the data loaded into the cache and logs it; the append-only records and this laptop's settings stay (wipe.ts). */
    async wipe(): Promise<DecisionEntry> {
      const entry = await wipeCache(db, ctx.clock);
      await ctx.reopen();
      return entry;
    },
  };
}

export type OrdersHandlers = ReturnType<typeof ordersHandlers>;
