// Search box and filters above the orders table: channel, status and date range.
import { useEffect, useRef, useState } from 'react';
import { parseSearch } from '../../../../shared/orders/search';
import { SearchMatchGroups } from './SearchMatchGroups';
import { MARKETPLACES, MARKETPLACE_LABEL, ORDER_STATUSES, type Marketplace, type OrderStatus } from '../../../../shared/domain/order';
import { useUi } from '../../state/uiStore';
import { DateField } from '../../ui/DateField';

const DAY = 86_400_000;

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function OrdersToolbar() {
  const { filter, setFilter, search, setSearch } = useUi();
  const [draft, setDraft] = useState(search);
  const pushed = useRef(search);
  const reading = parseSearch(search).reading;
  // Debounce typing so each keystroke does not start a 1M-row scan.
  useEffect(() => {
    const t = setTimeout(() => {
      pushed.current = draft;
      setSearch(draft);
    }, 200);
    return () => clearTimeout(t);
  }, [draft, setSearch]);
  // A search set elsewhere (the command palette, a report's click-through) shows in the box.
  useEffect(() => {
    if (search !== pushed.current) {
      pushed.current = search;
      setDraft(search);
    }
  }, [search]);

  return (
    <div className="toolbar">
      <input
        type="search"
        className="search"
        placeholder="Search orders, or card: email: ip: city: …"
        title="Order number, email, card BIN or last 4, postcode, city, name, device id or IP; a prefix searches one of them (card:4703, city:Köln, device:…); four digits alone are a card's last 4"
        aria-label="Search orders"
        aria-describedby={reading ? 'search-reading' : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      {reading && (
        <span id="search-reading" className="muted" data-testid="search-reading">
          {reading}
        </span>
      )}
      <SearchMatchGroups />
      <div className="chips" role="group" aria-label="Marketplace">
        {MARKETPLACES.map((m: Marketplace) => (
          <button
            key={m}
            className={filter.marketplaces.includes(m) ? 'chip on' : 'chip'}
            aria-pressed={filter.marketplaces.includes(m)}
            onClick={() => setFilter({ marketplaces: toggle(filter.marketplaces, m) })}
          >
            {MARKETPLACE_LABEL[m]}
          </button>
        ))}
      </div>
      <label className="inline">
        Status
        <select
          aria-label="Status"
          value={filter.statuses[0] ?? ''}
          onChange={(e) => setFilter({ statuses: e.target.value ? [e.target.value as OrderStatus] : [] })}
        >
          <option value="">any</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        From
        <DateField label="From date" value={filter.from} onChange={(from) => setFilter({ from })} />
      </label>
      <label className="inline">
        To
        <DateField label="To date" value={filter.to === null ? null : filter.to - DAY} onChange={(d) => setFilter({ to: d === null ? null : d + DAY })} />
      </label>
      {filter.group && <FilterChip testId="group-filter" label={filter.group.label} onRemove={() => setFilter({ group: null })} />}
      {filter.only && <FilterChip testId="only-filter" label={filter.only.label} onRemove={() => setFilter({ only: null })} />}
      {(filter.marketplaces.length > 0 || filter.statuses.length > 0 || filter.from !== null || filter.to !== null || filter.group || filter.only || draft) && (
        <button
          className="link"
          onClick={() => {
            setDraft('');
            setFilter({ marketplaces: [], statuses: [], from: null, to: null, group: null, only: null });
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}

/** A filter set from elsewhere (a report's click-through), shown with a way to remove it. */
function FilterChip({ label, testId, onRemove }: { label: string; testId: string; onRemove: () => void }) {
  return (
    <span className="chip on" data-testid={testId}>
      {label}
      <button className="link" aria-label={`Remove the filter ${label}`} onClick={onRemove}>
        ✕
      </button>
    </span>
  );
}
