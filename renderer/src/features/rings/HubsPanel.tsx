// Values shared by so many customers that they were held back from linking (collection points,
// forwarders, office IPs), each of which the analyst may let link again, with a reason.
import { useState } from 'react';
import type { KeyType } from '../../../../shared/normalize';
import type { RingsOverview } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { ReasonForm } from '../../ui/ReasonForm';

type Hub = RingsOverview['hubs'][number];

export function HubsPanel({ hubs, onAllow }: { hubs: Hub[]; onAllow(type: KeyType, value: string, reason: string): Promise<boolean> }) {
  const [allowing, setAllowing] = useState<{ type: KeyType; value: string } | null>(null);
  const [reason, setReason] = useState('');
  const columns: Column<Hub>[] = [
    { header: 'Key', cell: (h) => h.type },
    { header: 'Value', cell: (h) => h.value },
    { header: 'Customers', right: true, cell: (h) => h.customers },
    { header: 'Orders', right: true, cell: (h) => h.orders },
    { header: 'Why', cell: (h) => (h.reason === 'marked' ? 'collection point or forwarder' : 'shared by many customers') },
    {
      header: null,
      cell: (h) =>
        !h.allowed && (
          <button className="link" onClick={() => setAllowing({ type: h.type, value: h.value })}>
            allow linking…
          </button>
        ),
    },
  ];
  return (
    <>
      {hubs.length > 0 && (
        <details className="panel wide">
          <summary>Hubs held back from linking ({hubs.length})</summary>
          <HistoryTable rows={hubs.slice(0, 200)} columns={columns} rowKey={(h) => h.key} label="Hubs" />
        </details>
      )}
      {allowing && (
        <ReasonForm
          label="Allow a hub to link"
          reason={reason}
          setReason={setReason}
          reasonLabel="Reason for allowing"
          confirm="Allow"
          onConfirm={() => onAllow(allowing.type, allowing.value, reason)}
          onClose={() => setAllowing(null)}
        >
          Let {allowing.type} <strong>{allowing.value}</strong> link orders although many customers share it.
        </ReasonForm>
      )}
    </>
  );
}
