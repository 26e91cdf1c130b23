// The team's state as the window shows it (signed in as, changes waiting, offline since), kept in
// step with the cache worker, and the sync loop: a round on a timer, when the network returns and
// soon after something was logged; each round also reads who holds which case. Durable state
// stays in the worker's IndexedDB.
import { useEffect } from 'react';
import { create } from 'zustand';
import * as Comlink from 'comlink';
import { cache, importer } from '../../core/client';
import type { TeamOrdersProgress, TeamOrdersRound, TeamStatus } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { useCaseClaims } from './useCaseClaims';

/** Between rounds while signed in: short, since a teammate waits on what this laptop decided. */
export const SYNC_EVERY_MS = 5_000;

interface TeamState {
  status: TeamStatus | null;
  /** The team's imports (issue 16): this laptop's waiting to be shared, and what stopped the last round. */
  orders: TeamOrdersRound | null;
  /** What the round is fetching or writing of a team import now; null between. */
  teamImport: TeamOrdersProgress | null;
  /**
   * This window locked itself after the idle time: the worker keeps the lock too (a reload opens
   * locked), but a status read before it did must not open this window again.
   */
  lockedHere: boolean;
  /** Reads the worker's team status (no network). */
  refresh(): Promise<void>;
  /** One sync round now, then the status. */
  syncNow(): Promise<void>;
}

export const useTeam = create<TeamState>((set) => ({
  status: null,
  orders: null,
  teamImport: null,
  lockedHere: false,
  async refresh() {
    set({ status: await cache.teamStatus() });
  },
  async syncNow() {
    const round = await cache.syncTeam();
    const status = await cache.teamStatus();
    set({ status });
    const shown = async () => {
      await cache.reload();
      useUi.getState().cacheChanged();
    };
    // A teammate's erasure applied here: every screen shows the cache again, without the person.
    if (round.cacheChanged) useUi.getState().cacheChanged();
    if (!status.signedIn) return;
    // The team's imports run in the import worker, one at a time with the analyst's own imports.
    // Each team import is shown once written, while the next ones are still coming.
    const onProgress = Comlink.proxy((p: TeamOrdersProgress) => {
      set({ teamImport: p.phase === 'applied' ? null : p });
      if (p.phase === 'applied') void shown();
    });
    try {
      const orders = await importer.syncTeamOrders(onProgress);
      set({ orders });
      if (orders.changed) await shown();
    } finally {
      set({ teamImport: null });
    }
  },
}));

/** Mounted once by the app: runs the sync loop while a team session exists. */
export function useTeamSyncLoop(): void {
  const signedIn = useTeam((s) => s.status?.signedIn ?? false);
  const version = useUi((s) => s.cacheVersion);
  useEffect(() => {
    void useTeam
      .getState()
      .refresh()
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!signedIn) {
      useCaseClaims.getState().clear();
      return;
    }
    const round = () =>
      void useTeam
        .getState()
        .syncNow()
        .catch(() => undefined)
        .then(() => useCaseClaims.getState().refresh(useTeam.getState().status));
    round();
    const every = window.setInterval(round, SYNC_EVERY_MS);
    window.addEventListener('online', round);
    return () => {
      window.clearInterval(every);
      window.removeEventListener('online', round);
    };
  }, [signedIn, version]);
}
