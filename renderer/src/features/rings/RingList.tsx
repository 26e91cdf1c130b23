// The rings of one list (riskiest, largest, fastest-growing, new with the last import), searchable
// by any key value, drawn a page at a time; a row opens its ring.
import { useState } from 'react';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { formatCount, formatMoney, showDate } from '../../../../shared/domain/money';
import { RING_LISTS, type RingList as ListName, type RingsOverview } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { TabPanel, Tabs } from '../../ui/Tabs';

type Ring = RingsOverview['rings'][number];

/** Rows drawn: a page at a time, so re-linking a million orders redraws in well under 300 ms. */
const PAGE = 100;

const LIST_TABS_BASE = 'ring-list';

const COLUMNS: Column<Ring>[] = [
  { header: 'Rank', right: true, cell: (r) => r.rank },
  { header: 'Risk', right: true, cell: (r) => <strong>{r.metrics.score}</strong> },
  { header: 'Orders', right: true, cell: (r) => r.metrics.orders },
  { header: 'Customers', right: true, cell: (r) => r.metrics.customers },
  { header: 'Cards', right: true, cell: (r) => r.metrics.cards },
  { header: 'Devices', right: true, cell: (r) => r.metrics.devices },
  {
    header: 'Value',
    cell: (r) =>
      Object.entries(r.metrics.valueMinor)
        .map(([c, v]) => formatMoney(v, c))
        .join(' + '),
  },
  { header: 'Fraud disputes', right: true, cell: (r) => r.metrics.fraudDisputes },
  { header: 'Channels', cell: (r) => r.metrics.marketplaces.map((x) => MARKETPLACE_LABEL[x]).join(', ') },
  { header: 'First seen', cell: (r) => showDate(r.metrics.firstSeen) },
  { header: 'Last seen', cell: (r) => showDate(r.metrics.lastSeen) },
  { header: 'Peak / 24 h', right: true, cell: (r) => r.metrics.peak24h },
  { header: 'Linked by', cell: (r) => Object.keys(r.keys).join(', ') },
  { header: 'Verdict', cell: (r) => (r.mark ? <span className={`status mark-${r.mark.status}`}>{r.mark.status.replace('-', ' ')}</span> : '') },
];

export function RingList({ overview, onOpen }: { overview: RingsOverview; onOpen(ringId: string): void }) {
  const [list, setList] = useState<ListName>('riskiest');
  const [filter, setFilter] = useState('');
  const [shownRows, setShownRows] = useState(PAGE);
  const q = filter.trim().toLowerCase();
  const byId = new Map(overview.rings.map((r) => [r.id, r]));
  const rings = overview.lists[list]
    .map((id) => byId.get(id)!)
    .filter((r) => !q || Object.values(r.keys).some((vs) => vs!.some((v) => v.toLowerCase().includes(q))));
  const label: Record<ListName, string> = {
    riskiest: 'Riskiest',
    largest: 'Largest',
    growing: 'Fastest-growing (7 days)',
    new: overview.latestImport ? `New with ${overview.latestImport.fileName}` : 'New with the last import',
  };
  return (
    <>
      <div className="toolbar">
        <Tabs<ListName>
          base={LIST_TABS_BASE}
          label="Ring lists"
          tabs={RING_LISTS.map((l) => ({ id: l, label: `${label[l]} (${overview.lists[l].length})` }))}
          selected={list}
          onChoose={setList}
        />
        <input
          className="search"
          type="search"
          aria-label="Search rings"
          placeholder="Search a card, email, address, IP or device in the rings"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <TabPanel base={LIST_TABS_BASE} selected={list} className="tab-panel">
        <HistoryTable
          rows={rings.slice(0, shownRows)}
          columns={COLUMNS}
          rowKey={(r) => r.id}
          rowProps={() => ({ className: 'clickable' })}
          onOpen={(r) => onOpen(r.id)}
          label="Rings"
        />
        {rings.length > shownRows && (
          <p className="muted">
            Showing {formatCount(shownRows)} of {formatCount(rings.length)} rings.{' '}
            <button className="link" onClick={() => setShownRows((n) => n + PAGE)}>
              Show {formatCount(Math.min(PAGE, rings.length - shownRows))} more
            </button>
          </p>
        )}
      </TabPanel>
    </>
  );
}
