// A dispute's evidence pack: read from the cache when the analyst exports it, printed to PDF through
// the one print path (the pack's print layout stays mounted, hidden on screen) or written as Stripe's
// evidence JSON or, for an Adyen dispute, Adyen's defense documents by defense reason; both go through the export log. The pack's own checks are shown beside the buttons.
import { useEffect, useState } from 'react';
import { ATTACHMENT_MIME } from '../../../../shared/disputes/attachments';
import { exportFile, exportPdf } from '../../app/exportFile';
import { cache } from '../../core/client';
import type { EvidencePack } from '../../core/contract';
import { useActions } from '../../ui/useAsync';

/** Lets the print layout render with the pack, its attached images decoded, before the page is printed. */
async function rendered(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  const images = document.querySelectorAll<HTMLImageElement>('[data-testid="evidence-pack"] img');
  await Promise.all([...images].map((i) => i.decode().catch(() => undefined)));
}

/** Attached images by id, as Blob URLs of their checked type, for the printed pack. */
export type PackImages = ReadonlyMap<number, string>;

/** A provider's JSON file, through the export log like every export. */
function exportJson(suggestedName: string, value: unknown, what: string): Promise<unknown> {
  return exportFile({
    kind: 'json',
    suggestedName,
    filters: [{ name: 'JSON', extensions: ['json'] }],
    data: `${JSON.stringify(value, null, 2)}\n`,
    rows: null,
    what,
  });
}

export function useEvidencePack(disputeId: string) {
  const [pack, setPack] = useState<EvidencePack | null>(null);
  const [images, setImages] = useState<PackImages>(new Map());
  const { run, busy, error } = useActions();
  // Another dispute opened: its pack is read afresh.
  useEffect(() => setPack(null), [disputeId]);
  // Image URLs live as long as the pack that shows them.
  useEffect(() => () => images.forEach((u) => URL.revokeObjectURL(u)), [images]);

  const loadImages = async (p: EvidencePack) => {
    const wanted = new Set(p.attachments.filter((a) => a.type === 'png' || a.type === 'jpeg').map((a) => a.id));
    const contents = wanted.size ? await cache.disputeAttachmentContents(disputeId) : [];
    const next = new Map<number, string>();
    for (const c of contents) if (wanted.has(c.id)) next.set(c.id, URL.createObjectURL(new Blob([c.bytes as BlobPart], { type: ATTACHMENT_MIME[c.type] })));
    setImages(next);
  };

  const load = async () => {
    const p = await cache.disputeEvidencePack(disputeId);
    setPack(p);
    return p;
  };

  return {
    pack,
    images,
    busy,
    error,
    exportPdf: () =>
      run(async () => {
        const p = await load();
        await loadImages(p);
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
        await exportJson(`stripe-evidence-${p.dispute.id}.json`, p.stripe, `Stripe evidence, dispute ${p.dispute.id}`);
      }),
    /** Adyen's defense documents by defense reason: offered only for a dispute Adyen handles. */
    exportAdyen: () =>
      run(async () => {
        const p = await load();
        if (!p.adyen) throw new Error(`Dispute ${p.dispute.id} is not an Adyen dispute: Adyen's defense file is for disputes Adyen handles`);
        await exportJson(`adyen-defense-${p.dispute.id}.json`, p.adyen, `Adyen defense documents, dispute ${p.dispute.id}`);
      }),
  };
}
