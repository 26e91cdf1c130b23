// The review queue, keyboard first: J/K move, H hold, R release, C cancel, N note, ? the keys.
// Hold and cancel ask for a reason code; every decision lands in the hash-chained decision log,
// which "Verify log" checks end to end.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { useEffect, useRef } from 'react';
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { reasonCodesFor } from '../../../../shared/decisions/reasons';
import { countOf, formatCount } from '../../../../shared/domain/money';
import { SLA_HOURS } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { DecisionFormView, VERB } from './DecisionFormView';
import { DecisionLogPanel } from './DecisionLogPanel';
import { KeyHelp } from './KeyHelp';
import { MatrixPanel } from './MatrixPanel';
import { ReviewQueueTable } from './ReviewQueueTable';
import { QUEUE_SHORTCUTS, reviewAction } from './reviewKeys';
import { awaitsDecision, filtersQueue, overdue } from './queueState';
import { useReviewQueue } from './useReviewQueue';
import { ClearQueueFilters, QueueFilters } from './QueueFilters';
import { useQueueFilter } from './queueFilterStore';
import { TeamConflicts, TeammatesNotes, TeammatesOnOrder } from '../team';

const NO_REASONS = { holdReasons: [], releaseReasons: [] };

export function ReviewScreen() {
  const q = useReviewQueue();
  const box = useRef<HTMLElement>(null);
  // `all`: the whole queue, which the header counts; `queue`: what the filters list of it.
  const { queue, all, current, form, settings, now, at } = q;
  // Held orders stay in the queue, to be released or cancelled, but are no longer to decide.
  const toDecide = all ? all.filter(awaitsDecision).length : 0;
  const held = all ? all.length - toDecide : 0;
  // Everything decided, holds left: the end of the queue, said as such ("0 orders to decide" beside a listed row read as unfinished).
  const done = all !== null && all.length > 0 && toDecide === 0;
  // The holds counted are the whole queue's: under a filter that lists fewer, "listed" would miscount them.
  const where = useQueueFilter((s) => filtersQueue(s.filter)) ? 'in the queue' : 'listed';

  const onKey = (e: React.KeyboardEvent) => {
    if (form || e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('input, select, textarea, details, fieldset')) return;
    const action = reviewAction(e.key);
    if (action && q.perform(action)) e.preventDefault();
  };
  useEffect(() => {
    document.querySelector(`[data-queue-row="${at}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [at]);
  // The keys are the queue's: a filter or its Clear button gives them back (the button is gone once clicked).
  const backToQueue = () => box.current?.focus({ preventScroll: true });
  // Arriving on Review puts the focus on the queue, so J/K/H/R/C/N/? work at once.
  useEffect(() => {
    box.current?.focus({ preventScroll: true });
  }, []);

  return (
    <section className="screen review" aria-labelledby="screen-title" tabIndex={0} ref={box} onKeyDown={onKey} aria-keyshortcuts={QUEUE_SHORTCUTS}>
      <header className="screen-head">
        <h1 id="screen-title">Review</h1>
        {all && (
          <span className="count" data-testid="queue-count">
            {done ? (
              `Queue done: nothing left to decide · ${formatCount(held)} on hold · press ? for the keys`
            ) : (
              <>
                {countOf(toDecide, 'order')} to decide
                {held > 0 && ` · ${formatCount(held)} on hold`} · {formatCount(all.filter((r) => overdue(r, now)).length)} past the{' '}
                {settings?.slaHours ?? SLA_HOURS} h target · press ? for the keys
              </>
            )}
          </span>
        )}
      </header>
      <ErrorAlert message={q.error} />
      {!all && !q.error && (
        <p role="status">{q.scoring === null ? 'Scoring orders…' : `Linking orders before scoring them… ${Math.floor(q.scoring * 100)} %`}</p>
      )}
      <TeamConflicts />
      {current && <TeammatesOnOrder orderKey={current.orderKey} />}
      {current && <TeammatesNotes orderKey={current.orderKey} />}
      {q.lastMade && <LastDecision entries={q.lastMade} onUndo={() => void q.undo()} />}
      {q.lastUndone && queue && (
        <LastUndone
          entries={q.lastUndone}
          hidden={q.lastUndone.filter((e) => !queue.some((r) => r.orderKey === e.orderKey)).length}
          onBackToQueue={backToQueue}
        />
      )}
      {q.help && <KeyHelp />}
      {form && q.formOrder && (
        <DecisionFormView
          form={form}
          order={q.formOrder}
          reasons={settings ? reasonCodesFor(form.decision, settings) : []}
          onChange={q.setForm}
          onSubmit={async () => {
            if (await q.submit()) box.current?.focus();
          }}
          onClose={() => {
            q.setForm(null);
            box.current?.focus();
          }}
          onCancel={() => q.setForm(null)}
        />
      )}
      {done && (
        <p role="status" className="empty-state" data-testid="queue-done">
          Queue done: nothing left to decide. {held === 1 ? `The order ${where} is` : `The ${formatCount(held)} orders ${where} are`} on hold, to release (R) or
          cancel (C) once you know more.
        </p>
      )}
      {all && all.length === 0 && <p className="empty-state">Nothing to review: no open order scores into review or hold with the current matrix.</p>}
      {all && all.length > 0 && <QueueFilters all={all} shown={queue?.length ?? 0} slaHours={settings?.slaHours ?? SLA_HOURS} onBackToQueue={backToQueue} />}
      {all && all.length > 0 && queue && queue.length === 0 && (
        <p className="empty-state" data-testid="queue-none-shown">
          No order in the queue matches the filters. <ClearQueueFilters onBackToQueue={backToQueue} />
        </p>
      )}
      {all && queue && queue.length > 0 && (
        <ReviewQueueTable
          queue={queue}
          all={all}
          at={at}
          now={now}
          reasons={settings ?? NO_REASONS}
          onPick={q.setAt}
          onRingDecided={async (entries) => {
            await q.ringDecided(entries);
            // The ring's button had the focus, inside a fieldset the keys leave alone: back to the queue, as after a decision.
            box.current?.focus();
          }}
        />
      )}
      <MatrixPanel onSaved={() => void q.reload()} />
      {q.log && <DecisionLogPanel log={q.log} />}
    </section>
  );
}

/**
 * The decision just undone. Its orders are back in the queue; a filter changed since the decision
 * was made may not list them, and then says so rather than leave the analyst looking for them.
 */
function LastUndone({ entries, hidden, onBackToQueue }: { entries: DecisionEntry[]; hidden: number; onBackToQueue(): void }) {
  const first = entries[0]!;
  const one = entries.length === 1;
  return (
    <p role="status" data-testid="last-undone">
      {one
        ? `${VERB[first.decision]} of ${orderKeyLabel(first.orderKey)} undone: the order is back in the queue as it was before.`
        : `${VERB[first.decision]} of ${entries.length} orders of the ring undone: they are back in the queue as they were before.`}
      {hidden > 0 && (
        <>
          {' '}
          {one
            ? 'It is not listed under the filters.'
            : hidden === entries.length
              ? 'None is listed under the filters.'
              : `${formatCount(hidden)} of them are not listed under the filters.`}{' '}
          <ClearQueueFilters onBackToQueue={onBackToQueue} />
        </>
      )}
    </p>
  );
}

/** What was just logged, with its Undo. */
function LastDecision({ entries, onUndo }: { entries: DecisionEntry[]; onUndo(): void }) {
  const first = entries[0]!;
  return (
    <p role="status" data-testid="last-decision">
      {entries.length === 1
        ? `${VERB[first.decision]} of ${orderKeyLabel(first.orderKey)} logged as entry ${first.seq}.`
        : `${VERB[first.decision]} of ${entries.length} orders of the ring logged as entries ${first.seq}–${entries.at(-1)!.seq}.`}{' '}
      <button className="link" onClick={onUndo}>
        Undo (U)
      </button>
    </p>
  );
}
