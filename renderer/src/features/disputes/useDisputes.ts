// The Disputes screen's data: every dispute with its deadline and urgency at the minute, the
// reason-family filter, and the open dispute, read again after each change to it.
import { useEffect, useMemo, useState } from 'react';
import { byDeadline, urgencyOf, type Urgency } from '../../../../shared/disputes/deadlines';
import type { ReasonFamily } from '../../../../shared/disputes/reasonCodes';
import { cache } from '../../core/client';
import type { DisputeDetail } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { useMinuteClock } from '../../ui/useMinuteClock';

export function useDisputes() {
  const version = useUi((s) => s.cacheVersion);
  const list = useAsync(() => cache.disputeList(), [version]);
  const [family, setFamily] = useState<ReasonFamily | 'all'>('all');
  const [open, setOpen] = useState<DisputeDetail | null>(null);
  const now = useMinuteClock();
  const rows = list.value;
  const { setValue: setRows, run } = list;

  // A dispute the command palette jumped to opens at once.
  const disputeFor = useUi((s) => s.disputeFor);
  const disputeShown = useUi((s) => s.disputeShown);
  useEffect(() => {
    if (!disputeFor) return;
    disputeShown();
    void run(async () => setOpen(await cache.disputeDetail(disputeFor)));
  }, [disputeFor, disputeShown, run]);

  const sorted = useMemo(
    () =>
      byDeadline(
        (rows ?? []).filter((r) => family === 'all' || r.family === family),
        now,
      ),
    [rows, family, now],
  );
  const counts = useMemo(() => {
    const c: Record<Urgency, number> = { overdue: 0, 'due-48h': 0, open: 0, 'no-deadline': 0, closed: 0 };
    for (const r of rows ?? []) c[urgencyOf(r, now)]++;
    return c;
  }, [rows, now]);

  return {
    rows,
    error: list.error,
    now,
    family,
    setFamily,
    sorted,
    counts,
    open,
    openDispute: (id: string) => void run(async () => setOpen(await cache.disputeDetail(id))),
    closeDispute: () => setOpen(null),
    /** Something every hint depends on changed (the cost of responding): the list and the open dispute are read again. */
    reload: async () => {
      const [detail, all] = await Promise.all([open ? cache.disputeDetail(open.id) : null, cache.disputeList()]);
      setOpen(detail);
      setRows(all);
    },
    /** The open dispute changed (status, evidence): it and the list are read again. */
    changed: async (id: string) => {
      const [detail, all] = await Promise.all([cache.disputeDetail(id), cache.disputeList()]);
      setOpen(detail);
      setRows(all);
    },
  };
}
