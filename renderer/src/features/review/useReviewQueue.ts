// The Review screen's data and actions: the queue, the decision log and the review settings, the
// order at the cursor and its decision form, decisions and their undo, and what each key does.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Decision, DecisionEntry } from '../../../../shared/decisions/chain';
import { cache, progress } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { useMinuteClock } from '../../ui/useMinuteClock';
import { filterQueue, nextToDecide } from './queueState';
import { useQueueFilter } from './queueFilterStore';
import type { ReviewAction } from './reviewKeys';

export interface DecisionForm {
  /** The order it was opened on: the queue may reload, re-sorted, while the form is open. */
  orderKey: string;
  decision: Decision;
  reason: string;
  note: string;
}

export function useReviewQueue() {
  const version = useUi((s) => s.cacheVersion);
  const [at, setAt] = useState(0);
  const [form, setForm] = useState<DecisionForm | null>(null);
  const [help, setHelp] = useState(false);
  // The last decision (one entry, or one per order of a ring decision), undoable with U; once undone,
  // said as such until the next decision: under a filter changed since it was made, the order it
  // reopened may not be listed.
  const [last, setLast] = useState<{ entries: DecisionEntry[]; undone: boolean } | null>(null);
  const lastMade = last && !last.undone ? last.entries : null;
  const now = useMinuteClock();
  // Where the cursor goes once the queue reloads after a decision (by order: rows come and go).
  const cursorTo = useRef<string | null>(null);
  // The order at the cursor: any other reload (a saved matrix, a team import) keeps the cursor on it, not on its row number.
  const atOrder = useRef<string | null>(null);
  /** Share of orders normalised while the rings the queue is scored with are linked (null when not building). */
  const [scoring, setScoring] = useState<number | null>(null);
  const data = useAsync(async () => {
    const onProgress = progress((done, total) => setScoring(done < total ? done / total : null));
    const [queue, log, settings] = await Promise.all([cache.reviewQueue(onProgress), cache.decisionLog(), cache.reviewSettings()]).finally(() =>
      setScoring(null),
    );
    // A form whose order left the queue (decided elsewhere, shipped) closes rather than decide another.
    setForm((f) => (f && !queue.some((r) => r.orderKey === f.orderKey) ? null : f));
    return { queue, log, settings };
  }, [version]);
  const { reload, run } = data;

  /** The whole queue, as scored; `queue` is what the filters keep of it, the rows listed and moved through. */
  const all = data.value?.queue ?? null;
  const filter = useQueueFilter((s) => s.filter);
  const queue = useMemo(() => (all ? filterQueue(all, filter, now) : null), [all, filter, now]);
  // The filter the cursor was last placed in: another one lists other orders, where the old row number means nothing.
  const placedIn = useRef(filter);
  // A reloaded or re-filtered queue keeps the cursor on its order (or the one a decision moved it
  // to) while the order is listed; else a reload keeps the row number, within the list, and a new
  // filter starts at its top (the riskiest it lists). Before the paint, and before atOrder below
  // takes the new list's row at the old number.
  useLayoutEffect(() => {
    if (!queue) return;
    const refiltered = placedIn.current !== filter;
    placedIn.current = filter;
    // The order a decision or undo sends the cursor to, else (not listed under the filters) the one it was on.
    const listedAt = (key: string | null) => (key === null ? -1 : queue.findIndex((r) => r.orderKey === key));
    const sent = listedAt(cursorTo.current);
    // An open form's order keeps the cursor, so the panel beside the form shows the order it decides;
    // a new filter that no longer lists it closes the form rather than leave it deciding an order out of sight.
    const formAt = form ? listedAt(form.orderKey) : -1;
    if (form && formAt < 0 && refiltered) setForm(null);
    const aim = sent >= 0 ? sent : formAt >= 0 ? formAt : listedAt(atOrder.current);
    cursorTo.current = null;
    setAt((i) => (aim >= 0 ? aim : refiltered ? 0 : Math.min(i, Math.max(0, queue.length - 1))));
    // The form is read as it is when the list changes, not followed: typing in it moves nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue, filter]);
  const current = queue?.[at] ?? null;
  useEffect(() => {
    // A filter that lists nothing leaves the cursor's order as it was: cleared, the cursor is back on it.
    if (current) atOrder.current = current.orderKey;
  });
  /** The order the open form decides, while the queue still holds it. */
  const formOrder = (form && all?.find((r) => r.orderKey === form.orderKey)) ?? null;

  /** Logs the form's decision on the current order; true once it is in the log. */
  const submit = async (): Promise<boolean> => {
    if (!form || !formOrder) return false;
    const entry = await run(() => cache.decide(formOrder.orderKey, form.decision, form.reason, form.note));
    if (!entry) return false;
    setLast(entry.decision === 'note' ? null : { entries: [entry], undone: false });
    // Decided: on to the next order to decide. A note decides nothing, so the cursor stays.
    if (entry.decision !== 'note')
      cursorTo.current = nextToDecide(
        queue!,
        queue!.findIndex((r) => r.orderKey === formOrder.orderKey),
        new Set([formOrder.orderKey]),
      );
    setForm(null);
    await reload();
    return true;
  };

  const undo = () =>
    run(async () => {
      if (!lastMade) return;
      // A ring decision is undone whole: every undo is logged, or none is.
      await cache.undoDecisions(
        lastMade.map((e) => e.seq),
        lastMade.map((e) => e.hash),
      );
      // Back to the order the undo reopened, as it was before the decision.
      cursorTo.current = lastMade[0]!.orderKey;
      setLast({ entries: lastMade, undone: true });
      await reload();
    });

  /** Does what a key asks; false when it does not apply now (the key is then left to the browser). */
  const perform = (action: ReviewAction): boolean => {
    switch (action) {
      case 'next':
        // Never past the first row: on an empty queue, -1 would leave the queue that fills later without a cursor.
        setAt((i) => Math.max(0, Math.min(i + 1, (queue?.length ?? 1) - 1)));
        return true;
      case 'previous':
        setAt((i) => Math.max(i - 1, 0));
        return true;
      case 'help':
        setHelp((h) => !h);
        return true;
      case 'undo':
        if (!lastMade) return false;
        void undo();
        return true;
      case 'hold':
      case 'release':
      case 'cancel':
      case 'note':
        if (!current) return false;
        setForm({ orderKey: current.orderKey, decision: action, reason: '', note: '' });
        return true;
      case 'close':
        // With the form open, Esc is the form's (this handler is not reached); otherwise it closes the help.
        if (!help) return false;
        setHelp(false);
        return true;
      default:
        return action satisfies never;
    }
  };

  return {
    scoring,
    queue,
    all,
    log: data.value?.log ?? null,
    settings: data.value?.settings ?? null,
    error: data.error,
    now,
    at,
    setAt,
    current,
    form,
    formOrder,
    setForm,
    help,
    lastMade,
    lastUndone: last?.undone ? last.entries : null,
    submit,
    undo,
    perform,
    /** A ring decided at once: its entries are the last decision, undoable together. */
    ringDecided: async (entries: DecisionEntry[]) => {
      setLast({ entries, undone: false });
      if (queue) cursorTo.current = nextToDecide(queue, at, new Set(entries.map((e) => e.orderKey)));
      await reload();
    },
    reload,
  };
}
