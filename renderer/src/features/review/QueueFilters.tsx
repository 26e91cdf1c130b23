// Filters above the review queue: a channel (two shops apart), still to decide or on hold, why it
// scores (a rule that fired), past the decision target, and a Find box for an order number or e-mail. The queue is worked from the top;
// on a large cache the filters are how an analyst takes one shop's or one late batch's orders first.
import { countOf, formatCount } from '../../../../shared/domain/money';
import type { QueueRow } from '../../core/contract';
import type { Signal } from '../../../../shared/scoring/matrix';
import { filtersQueue, queueChannels, queueSignals, signalName, type QueueFilter } from './queueState';
import { useQueueFilter } from './queueFilterStore';

export function QueueFilters({
  all,
  shown,
  slaHours,
  onBackToQueue,
}: {
  all: readonly QueueRow[];
  shown: number;
  slaHours: number;
  /** Gives the keys back to the queue: J/K and the decisions do not work while a filter has the focus. */
  onBackToQueue(): void;
}) {
  const { filter, setQueueFilter } = useQueueFilter();
  const channels = queueChannels(all);
  // A channel chosen before its last order left the queue stays chosen, and listed, until cleared.
  if (filter.channel !== null && !channels.includes(filter.channel)) channels.push(filter.channel);
  const signals = queueSignals(all);
  if (filter.signal !== null && !signals.includes(filter.signal)) signals.push(filter.signal);
  const narrowed = filtersQueue(filter);
  return (
    <div
      className="toolbar queue-filters"
      role="group"
      aria-label="Filter the queue"
      onKeyDown={(e) => {
        const t = e.target as HTMLElement;
        // Enter in Find, done typing; Esc anywhere here, except in a filled Find, which the browser empties first.
        const find = t instanceof HTMLInputElement && t.type === 'search';
        if ((e.key === 'Enter' && find) || (e.key === 'Escape' && !(find && t.value !== ''))) {
          e.preventDefault();
          onBackToQueue();
        }
      }}
    >
      <label className="inline">
        Channel
        <select aria-label="Channel" value={filter.channel ?? ''} onChange={(e) => setQueueFilter({ channel: e.target.value === '' ? null : e.target.value })}>
          <option value="">every channel</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        State
        <select aria-label="State" value={filter.state} onChange={(e) => setQueueFilter({ state: e.target.value as QueueFilter['state'] })}>
          <option value="all">to decide and on hold</option>
          <option value="decide">to decide</option>
          <option value="held">on hold</option>
        </select>
      </label>
      <label className="inline">
        Why
        <select
          aria-label="Why it scores"
          value={filter.signal ?? ''}
          onChange={(e) => setQueueFilter({ signal: e.target.value === '' ? null : (e.target.value as Signal) })}
        >
          <option value="">any rule</option>
          {signals.map((s) => (
            <option key={s} value={s}>
              {signalName(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={filter.overdue} onChange={(e) => setQueueFilter({ overdue: e.target.checked })} />
        Past the {slaHours} h target only
      </label>
      <input
        type="search"
        className="search queue-find"
        aria-label="Find an order in the queue"
        placeholder="Find order number or e-mail"
        value={filter.find}
        onChange={(e) => setQueueFilter({ find: e.target.value })}
      />
      {/* Always there, empty while nothing narrows: a live region that appears with its text is not read out. */}
      <span className="muted" data-testid="queue-shown" role="status">
        {narrowed && `${countOf(shown, 'order')} of ${formatCount(all.length)} listed`}
      </span>
      {narrowed && <ClearQueueFilters onBackToQueue={onBackToQueue} />}
    </div>
  );
}

/** Clears every filter, and gives the keys back to the queue: the button itself is gone once clicked. */
export function ClearQueueFilters({ onBackToQueue }: { onBackToQueue(): void }) {
  const clearQueueFilter = useQueueFilter((s) => s.clearQueueFilter);
  return (
    <button
      className="link"
      onClick={() => {
        clearQueueFilter();
        onBackToQueue();
      }}
    >
      Clear filters
    </button>
  );
}
