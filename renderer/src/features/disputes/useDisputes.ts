// The Disputes screen's data: every chargeback and refund claim with its deadline and urgency at the
// minute, in one list; the kind and reason-family filters; and the open dispute or claim, read again
// after each change to it.
import { useEffect, useMemo, useState } from 'react';
import { byDeadline, urgencyOf, type Urgency } from '../../../../shared/disputes/deadlines';
import type { ClaimKind } from '../../../../shared/disputes/claims';
import type { ReasonFamily } from '../../../../shared/disputes/reasonCodes';
import { cache } from '../../core/client';
import type { ClaimDetail, ClaimRow, DisputeDetail, DisputeRow } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { useMinuteClock } from '../../ui/useMinuteClock';

/** A row of the one deadline list: a chargeback or a refund claim. */
export type DeadlineRow = DisputeRow | ClaimRow;

/** Which rows the list shows: all, chargebacks only, refund claims only, or one kind of claim. */
export type KindFilter = 'all' | 'chargeback' | 'claims' | ClaimKind;

function kindMatches(r: DeadlineRow, kind: KindFilter): boolean {
  if (kind === 'all') return true;
  if (kind === 'chargeback') return r.rowType === 'chargeback';
  if (r.rowType !== 'claim') return false;
  return kind === 'claims' || r.kind === kind;
}

export function useDisputes() {
  const version = useUi((s) => s.cacheVersion);
  const list = useAsync(async () => {
    const [disputes, claims] = await Promise.all([cache.disputeList(), cache.claimList()]);
    return { disputes, claims };
  }, [version]);
  const [family, setFamily] = useState<ReasonFamily | 'all'>('all');
  const [kind, setKind] = useState<KindFilter>('all');
  const [open, setOpen] = useState<DisputeDetail | null>(null);
  const [openClaim, setOpenClaim] = useState<ClaimDetail | null>(null);
  const now = useMinuteClock();
  const rows = list.value?.disputes;
  const claims = list.value?.claims;
  const { setValue: setLists, run } = list;

  // A dispute the command palette jumped to opens at once.
  const disputeFor = useUi((s) => s.disputeFor);
  const disputeShown = useUi((s) => s.disputeShown);
  useEffect(() => {
    if (!disputeFor) return;
    disputeShown();
    void run(async () => {
      setOpenClaim(null);
      setOpen(await cache.disputeDetail(disputeFor));
    });
  }, [disputeFor, disputeShown, run]);

  const all = useMemo<DeadlineRow[]>(() => [...(rows ?? []), ...(claims ?? [])], [rows, claims]);
  const sorted = useMemo(
    () =>
      byDeadline(
        all.filter((r) => kindMatches(r, kind) && (family === 'all' || (r.rowType === 'chargeback' && r.family === family))),
        now,
      ),
    [all, family, kind, now],
  );
  const counts = useMemo(() => {
    const c: Record<Urgency, number> = { overdue: 0, 'due-48h': 0, open: 0, 'no-deadline': 0, closed: 0 };
    for (const r of all) c[urgencyOf(r, now)]++;
    return c;
  }, [all, now]);

  const readLists = async () => {
    const [disputes, claimRows] = await Promise.all([cache.disputeList(), cache.claimList()]);
    setLists({ disputes, claims: claimRows });
  };

  return {
    rows,
    claims,
    error: list.error,
    now,
    family,
    setFamily,
    kind,
    setKind,
    sorted,
    counts,
    open,
    openClaim,
    openRow: (r: DeadlineRow) =>
      void run(async () => {
        if (r.rowType === 'claim') {
          setOpen(null);
          setOpenClaim(await cache.claimDetail(r.id));
        } else {
          setOpenClaim(null);
          setOpen(await cache.disputeDetail(r.id));
        }
      }),
    closeDispute: () => setOpen(null),
    closeClaim: () => setOpenClaim(null),
    /** Something every hint depends on changed (the cost of responding, a window): the lists and what is open are read again. */
    reload: async () => {
      const [detail, claim] = await Promise.all([open ? cache.disputeDetail(open.id) : null, openClaim ? cache.claimDetail(openClaim.id) : null]);
      setOpen(detail);
      setOpenClaim(claim);
      await readLists();
    },
    /** The open dispute changed (status, evidence, files): it and the lists are read again. */
    changed: async (id: string) => {
      setOpen(await cache.disputeDetail(id));
      await readLists();
    },
    /** A claim was entered or changed: the lists, and the claim when it is open, are read again. */
    claimChanged: async (id: string | null) => {
      if (id) setOpenClaim(await cache.claimDetail(id));
      await readLists();
    },
  };
}
