// The dispute's exports: the evidence pack as PDF, for a Stripe dispute Stripe's evidence as JSON and, for an Adyen dispute,
// Adyen's defense documents by defense reason. Once the pack is built the screen shows what it argues,
// whether that answers the claim, the checks it ran on itself and what to upload or write by hand: all
// of it the analyst's, none of it printed. The print layout (the issuer's reading) is hidden on screen.
import type { PackCheck } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { isAdyenDispute } from '../../../../shared/disputes/adyenDefense';
import { isStripeDispute } from '../../../../shared/disputes/stripeEvidence';
import { EvidencePackPrint } from './EvidencePackView';
import { useEvidencePack } from './useEvidencePack';

const LEVEL_LABEL: Record<PackCheck['level'], string> = { ok: 'OK', todo: 'To do', block: 'Would be refused' };

export function EvidenceActions({ disputeId, provider }: { disputeId: string; provider: string }) {
  const ev = useEvidencePack(disputeId);
  const blocking = ev.pack?.checks.filter((c) => c.level === 'block').length ?? 0;
  return (
    <div className="evidence-actions">
      <div className="toolbar" role="group" aria-label="Exports of the dispute">
        <button onClick={() => void ev.exportPdf()} disabled={ev.busy}>
          Evidence pack (PDF)
        </button>
        {isStripeDispute({ provider }) && (
          <button onClick={() => void ev.exportJson()} disabled={ev.busy}>
            Stripe evidence (JSON)
          </button>
        )}
        {isAdyenDispute({ provider }) && (
          <button onClick={() => void ev.exportAdyen()} disabled={ev.busy}>
            Adyen defense documents (JSON)
          </button>
        )}
        {ev.pack && (
          <span className="muted" data-testid="pack-summary">
            Pack for {ev.pack.caseLabel.toLowerCase()}: {blocking ? `${blocking} problem${blocking === 1 ? '' : 's'} to fix` : 'no blocking problem'},{' '}
            {ev.pack.byHand.length + (ev.pack.adyen?.toUploadByHand.length ?? 0)} items to add by hand
          </span>
        )}
      </div>
      <ErrorAlert message={ev.error} />
      {ev.pack?.argument.advice && (
        <p className="warning" data-testid="pack-advice">
          {ev.pack.argument.advice}
        </p>
      )}
      {ev.pack && (
        <details className="pack-checks-screen" data-testid="pack-checks">
          <summary>Checks of the pack</summary>
          <p data-testid="pack-argument-screen">
            <strong>The pack argues:</strong>{' '}
            {ev.pack.argument.sentences.length
              ? ev.pack.argument.sentences.join(' ')
              : 'nothing (no fact in the cache supports an argument); it prints the records only.'}
          </p>
          <ul>
            {ev.pack.checks.map((c) => (
              <li key={c.text} className={`pack-check-${c.level}`}>
                <strong>{LEVEL_LABEL[c.level]}</strong> {c.text}
              </li>
            ))}
          </ul>
          {ev.pack.byHand.length > 0 && (
            <>
              <p>
                <strong>To upload or write in Stripe by hand</strong>
              </p>
              <ul data-testid="pack-by-hand">
                {ev.pack.byHand.map((f) => (
                  <li key={`${f.kind}:${f.field}:${f.what}`}>
                    <code>{f.field}</code> ({f.kind === 'file' ? 'file upload' : 'text'}): {f.what}
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
      {ev.pack && <EvidencePackPrint pack={ev.pack} images={ev.images} />}
    </div>
  );
}
