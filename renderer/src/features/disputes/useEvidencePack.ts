// A dispute's evidence pack: read from the cache when the analyst exports it, printed to PDF through
// the one print path (the pack's print layout stays mounted, hidden on screen) or written as Stripe's
// evidence JSON; both go through the export log. The pack's own checks are shown beside the buttons.
import { useEffect, useState } from 'react';
import { exportFile, exportPdf } from '../../app/exportFile';
import { cache } from '../../core/client';
import type { EvidencePack } from '../../core/contract';
import { useActions } from '../../ui/useAsync';

/** Lets the print layout render with the pack before the page is printed. */
const rendered = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));

export function useEvidencePack(disputeId: string) {
  const [pack, setPack] = useState<EvidencePack | null>(null);
  const { run, busy, error } = useActions();
  // Another dispute opened: its pack is read afresh.
  useEffect(() => setPack(null), [disputeId]);

  const load = async () => {
    const p = await cache.disputeEvidencePack(disputeId);
    setPack(p);
    return p;
  };

  return {
    pack,
    busy,
    error,
    exportPdf: () =>
      run(async () => {
        const p = await load();
        await rendered();
        await exportPdf({
          suggestedName: `evidence-pack-${p.dispute.id}.pdf`,
          landscape: false,
          rows: p.timeline.length,
          what: `Evidence pack, dispute ${p.dispute.id}`,
        });
      }),
    exportJson: () =>
      run(async () => {
        const p = await load();
        await exportFile({
          kind: 'json',
          suggestedName: `stripe-evidence-${p.dispute.id}.json`,
          filters: [{ name: 'JSON', extensions: ['json'] }],
          data: `${JSON.stringify(p.stripe, null, 2)}\n`,
          rows: null,
          what: `Stripe evidence, dispute ${p.dispute.id}`,
        });
      }),
  };
}
