// Values held back from linking: shared by so many customers that they are hubs (collection
// points, forwarders, office IPs), or a card's BIN and last 4 on cards the provider's fingerprints
// tell apart; the analyst may let each link again, with a reason.
import { useState } from 'react';
import { describeLinkValue, type KeyType } from '../../../../shared/normalize';
import type { RingsOverview } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { ReasonForm } from '../../ui/ReasonForm';
import { MoreRows, useShownRows } from '../../ui/MoreRows';

/** Values each list draws at first, and adds per "Show more". */
const HUBS_PAGE = 200;

type Hub = RingsOverview['hubs'][number];

type Burst = RingsOverview['bursts'][number];

const BURST_COLUMNS: Column<Burst>[] = [
  { header: 'Key', cell: (b) => b.type },
  { header: 'Value', cell: (b) => <span title={b.value}>{describeLinkValue(b.type, b.value)}</span> },
  { header: 'Identities', right: true, cell: (b) => b.evidence.identities },
  { header: 'Why', cell: (b) => b.why, className: 'wrap' },
];

export function HubsPanel({
  hubs,
  bursts,
  onAllow,
}: {
  hubs: Hub[];
  bursts: Burst[];
  onAllow(type: KeyType, value: string, reason: string): Promise<boolean>;
}) {
  const [allowing, setAllowing] = useState<{ type: KeyType; value: string; reason: Hub['reason'] } | null>(null);
  const [reason, setReason] = useState('');
  const columns: Column<Hub>[] = [
    { header: 'Key', cell: (h) => h.type },
    { header: 'Value', cell: (h) => <span title={h.value}>{describeLinkValue(h.type, h.value)}</span> },
    { header: 'Customers', right: true, cell: (h) => h.customers },
    { header: 'Orders', right: true, cell: (h) => h.orders },
    { header: 'Why', cell: (h) => h.why, className: 'wrap' },
    {
      header: null,
      cell: (h) =>
        h.allowed ? (
          <span className="muted">allowed to link</span>
        ) : (
          <button className="link" onClick={() => setAllowing({ type: h.type, value: h.value, reason: h.reason })}>
            allow linking…
          </button>
        ),
    },
  ];
  // A hub the analyst allowed links again: it is no longer held back, and is listed after those that are.
  const held = hubs.filter((h) => !h.allowed);
  const allowed = hubs.filter((h) => h.allowed);
  const hubRows = useShownRows(HUBS_PAGE);
  const burstRows = useShownRows(HUBS_PAGE);
  return (
    <>
      {hubs.length > 0 && (
        <details className="panel wide">
          <summary>
            Held back from linking ({held.length}){allowed.length > 0 && `; ${allowed.length} allowed to link`}
          </summary>
          <HistoryTable rows={[...held, ...allowed].slice(0, hubRows.shown)} columns={columns} rowKey={(h) => h.key} label="Hubs" />
          <MoreRows shown={hubRows.shown} total={hubs.length} page={HUBS_PAGE} nouns="values" onMore={hubRows.more} testId="hubs-more" />
        </details>
      )}
      {bursts.length > 0 && (
        <details className="panel wide">
          <summary>Shared by many, linked all the same ({bursts.length})</summary>
          <p className="muted">
            Many identities used these values within days, the strongest fraud signal, or used them steadily while too many of them are known fraud (fraud
            chargebacks, labelled outcomes): so they link whatever the count (Settings → Rings).
          </p>
          <HistoryTable rows={bursts.slice(0, burstRows.shown)} columns={BURST_COLUMNS} rowKey={(b) => b.key} label="Bursts" />
          <MoreRows shown={burstRows.shown} total={bursts.length} page={HUBS_PAGE} nouns="values" onMore={burstRows.more} testId="bursts-more" />
        </details>
      )}
      {allowing && (
        <ReasonForm
          label="Allow a hub to link"
          reason={reason}
          setReason={setReason}
          reasonLabel="Reason for allowing"
          placeholder="Why may it link? (kept with the override)"
          confirm="Allow"
          onConfirm={() => onAllow(allowing.type, allowing.value, reason)}
          onClose={() => setAllowing(null)}
        >
          Let {allowing.type} <strong>{describeLinkValue(allowing.type, allowing.value)}</strong> link orders{' '}
          {allowing.reason === 'cards-differ' ? 'although its orders show different cards' : 'although many customers share it'}.
        </ReasonForm>
      )}
    </>
  );
}
