// The review queue's filters, kept while the app runs: back on Review after a look at a ring or an
// order, the analyst finds the queue narrowed as they left it. A reload starts from the whole queue.
import { create } from 'zustand';
import { NO_QUEUE_FILTER, type QueueFilter } from './queueState';

interface QueueFilterState {
  filter: QueueFilter;
  setQueueFilter(patch: Partial<QueueFilter>): void;
  clearQueueFilter(): void;
}

export const useQueueFilter = create<QueueFilterState>((set) => ({
  filter: NO_QUEUE_FILTER,
  setQueueFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearQueueFilter: () => set({ filter: NO_QUEUE_FILTER }),
}));
