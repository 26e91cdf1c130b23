// The rings of one list (riskiest, largest, fastest-growing, new with the last import), searchable
// by any key value, drawn a page at a time; a row opens its ring.
import { useState } from 'react';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { formatMoney, showDate } from '../../../../shared/domain/money';
import { RING_LISTS, type RingList as ListName, type RingsOverview } from '../../core/contract';
import { FittedTable, type FitColumn } from '../../ui/FittedTable';
import { TabPanel, Tabs } from '../../ui/Tabs';
import { MoreRows, useShownRows } from '../../ui/MoreRows';
import { caseOf } from '../../../../shared/team/caseKeys';
import { ClaimMarker } from '../team';

type Ring = RingsOverview['rings'][number];

/** Rows drawn: a page at a time, so re-linking a million orders redraws in well under 300 ms. */
const PAGE = 100;

const LIST_TABS_BASE = 'ring-list';

// Priorities: what ranks and names a ring stays; the rest hides right to left as the width
// shrinks, and the ring's detail shows it all.
const COLUMNS: FitColumn<Ring>[] = [
  { id: 'rank', priority: 1, header: 'Rank', right: true, cell: (r) => r.rank },
  { id: 'risk', priority: 1, header: 'Risk', right: true, cell: (r) => <strong>{r.metrics.score}</strong> },
  { id: 'orders', priority: 1, header: 'Orders', right: true, cell: (r) => r.metrics.orders },
  { id: 'customers', priority: 3, header: 'Customers', right: true, cell: (r) => r.metrics.customers },
  { id: 'cards', priority: 3, header: 'Cards', right: true, cell: (r) => r.metrics.cards },
  { id: 'devices', priority: 3, header: 'Devices', right: true, cell: (r) => r.metrics.devices },
  {
    id: 'value',
    priority: 2,
    header: 'Value',
    // Several currencies wrap, one per line, rather than push other columns out.
    className: 'wrap-words',
    cell: (r) =>
      Object.entries(r.metrics.valueMinor)
        .map(([c, v]) => formatMoney(v, c))
        .join(' + '),
  },
  { id: 'fraudDisputes', priority: 4, header: 'Fraud disputes', right: true, cell: (r) => r.metrics.fraudDisputes },
  { id: 'knownFraud', priority: 5, header: 'Labelled fraud', right: true, cell: (r) => r.metrics.knownFraud },
  { id: 'channels', priority: 5, header: 'Channels', cell: (r) => r.metrics.marketplaces.map((x) => MARKETPLACE_LABEL[x]).join(', ') },
  { id: 'firstSeen', priority: 6, header: 'First seen', cell: (r) => showDate(r.metrics.firstSeen) },
  { id: 'lastSeen', priority: 4, header: 'Last seen', cell: (r) => showDate(r.metrics.lastSeen) },
  { id: 'peak24h', priority: 5, header: 'Peak / 24 h', right: true, cell: (r) => r.metrics.peak24h },
  { id: 'linkedBy', priority: 2, header: 'Linked by', cell: (r) => Object.keys(r.keys).join(', ') },
  {
    id: 'verdict',
    priority: 2,
    header: 'Verdict',
    cell: (r) => (
      <>
        {r.mark ? <span className={`status mark-${r.mark.status}`}>{r.mark.status.replace('-', ' ')}</span> : ''}
        <ClaimMarker of={caseOf.ring(r.id)} />
      </>
    ),
  },
];

export function RingList({ overview, onOpen }: { overview: RingsOverview; onOpen(ringId: string): void }) {
  const [list, setList] = useState<ListName>('riskiest');
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  // Another list or search starts again at its first page.
  const { shown: shownRows, more } = useShownRows(PAGE, `${list}\n${q}`);
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
          placeholder="Card, e-mail, address, IP or device…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <TabPanel base={LIST_TABS_BASE} selected={list} className="tab-panel">
        <FittedTable
          tableId="rings"
          rows={rings.slice(0, shownRows)}
          columns={COLUMNS}
          rowKey={(r) => r.id}
          rowProps={() => ({ className: 'clickable' })}
          onOpen={(r) => onOpen(r.id)}
          label="Rings"
        />
        <MoreRows shown={shownRows} total={rings.length} page={PAGE} nouns="rings" onMore={more} />
      </TabPanel>
    </>
  );
}
