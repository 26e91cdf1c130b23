// A dispute's respond-or-accept hint: the verdict, and the sum it comes from (in full on the
// dispute, as what responding is expected to bring in the list, with the sum on hover).
import { expectedText } from '../../../../shared/disputes/respondOrAccept';
import type { DisputeRow } from '../../core/contract';

const VERDICT_LABEL = { respond: 'Respond', accept: 'Accept', unknown: 'No hint', late: 'Too late' } as const;

export function ResponseHintText({ r, compact = false }: { r: Pick<DisputeRow, 'hint' | 'currency'>; compact?: boolean }) {
  const hint = r.hint;
  if (!hint) return null;
  return (
    <span className={`hint hint-${hint.verdict}`} data-testid="response-hint" data-verdict={hint.verdict} title={compact ? hint.text : undefined}>
      <strong>{VERDICT_LABEL[hint.verdict]}</strong>
      {compact ? (
        // On a line of its own: the list's columns keep their width.
        'expectedMinor' in hint && (
          <>
            <br />
            <span className="muted">{expectedText(hint, r.currency)}</span>
          </>
        )
      ) : (
        <span className="muted">: {hint.text}</span>
      )}
    </span>
  );
}
