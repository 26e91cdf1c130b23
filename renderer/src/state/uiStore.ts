// UI state only: which screen is open and how the orders table is filtered. Durable data
// lives in the cache; this store forgets on reload except the screen, kept in the URL hash.
import { create } from 'zustand';
import { NO_FILTER, type OrderFilter, type OrderSort } from '../../../shared/orders/query';

import { screenFromHash, type Screen } from './screens';

export { SCREENS, type Screen } from './screens';

/** What the command palette can ask a screen to do (usePalette.ts). */
export type PaletteAction = 'import' | 'verify' | 'backup' | 'restore' | 'snapshot' | 'hub-rules';

interface UiState {
  screen: Screen;
  filter: OrderFilter;
  sort: OrderSort;
  search: string;
  /** Bumped whenever the cache content changes so screens re-query. */
  cacheVersion: number;
  /**
   * Bumped whenever a file written is logged, so the export log shows it at once. Apart from
   * `cacheVersion`: an export changes no order, and every screen re-querying for one would be waste.
   */
  exportsVersion: number;
  /** An order whose ring the Rings screen should open (set by "Show its ring"). */
  ringFor: string | null;
  showRingOf(orderKey: string): void;
  ringShown(): void;
  /** An order the Orders screen opens once its search shows it (a jump from the command palette). */
  orderFor: string | null;
  showOrder(orderKey: string, externalId: string): void;
  orderShown(): void;
  /** A dispute the Disputes screen opens (a jump from the command palette). */
  disputeFor: string | null;
  showDispute(id: string): void;
  disputeShown(): void;
  /**
   * An action chosen in the command palette, for the screen it opens to do on arrival: Review
   * verifies the log, Settings opens the backup or restore dialog or the hub rules, Imports the
   * file chooser.
   */
  actionAsked: PaletteAction | null;
  askAction(action: PaletteAction, screen: Screen): void;
  actionStarted(): void;
  go(screen: Screen): void;
  /** Opens the Orders screen on exactly these filters (a report's click-through). */
  showOrders(filter: Partial<OrderFilter>): void;
  setFilter(patch: Partial<OrderFilter>): void;
  setSort(sort: OrderSort): void;
  setSearch(search: string): void;
  cacheChanged(): void;
  exportLogged(): void;
}

export const useUi = create<UiState>((set) => ({
  screen: screenFromHash(location.hash),
  filter: NO_FILTER,
  sort: { field: 'createdAt', dir: 'desc' },
  search: '',
  cacheVersion: 0,
  exportsVersion: 0,
  ringFor: null,
  showRingOf: (orderKey) => {
    location.hash = '#/rings';
    set({ ringFor: orderKey, screen: 'rings' });
  },
  ringShown: () => set({ ringFor: null }),
  orderFor: null,
  showOrder: (orderKey, externalId) => {
    location.hash = '#/orders';
    set({ screen: 'orders', filter: NO_FILTER, search: `order:${externalId}`, orderFor: orderKey });
  },
  orderShown: () => set({ orderFor: null }),
  disputeFor: null,
  showDispute: (id) => {
    location.hash = '#/disputes';
    set({ screen: 'disputes', disputeFor: id });
  },
  disputeShown: () => set({ disputeFor: null }),
  actionAsked: null,
  askAction: (action, screen) => {
    location.hash = `#/${screen}`;
    set({ screen, actionAsked: action });
  },
  actionStarted: () => set({ actionAsked: null }),
  go: (screen) => {
    if (location.hash !== `#/${screen}`) location.hash = `#/${screen}`;
    set({ screen });
  },
  showOrders: (filter) => {
    location.hash = '#/orders';
    set({ screen: 'orders', filter: { ...NO_FILTER, ...filter }, search: '' });
  },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  setSort: (sort) => set({ sort }),
  setSearch: (search) => set({ search }),
  cacheChanged: () => set((s) => ({ cacheVersion: s.cacheVersion + 1 })),
  exportLogged: () => set((s) => ({ exportsVersion: s.exportsVersion + 1 })),
}));

window.addEventListener('hashchange', () => useUi.setState({ screen: screenFromHash(location.hash) }));
