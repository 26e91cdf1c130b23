// Entering a refund claim by hand: its kind, the marketplace's reference, the order, amount, when its
// clock started and, when the notice names one, its deadline. The deadline the kind's window gives is
// shown before saving, with where the window comes from.
import { useState } from 'react';
import {
  claimAmountMinor,
  claimDeadline,
  CLAIM_DUTY,
  CLAIM_KINDS,
  CLAIM_KIND_LABEL,
  type ClaimKind,
  type ClaimWindow,
} from '../../../../shared/disputes/claims';
import { showDateTime } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../app/Alerts';
import { cache } from '../../core/client';
import { DateField } from '../../ui/DateField';
import { SubmitForm } from '../../ui/SubmitForm';
import { useActions } from '../../ui/useAsync';
import { usePendingFields } from '../../ui/usePendingFields';

/** Times are UTC, as the app shows them everywhere (DateField). */
const EMPTY = {
  kind: 'amazon-a-to-z' as ClaimKind,
  id: '',
  orderRef: '',
  amount: '',
  currency: 'EUR',
  openedAt: null as number | null,
  noticeDueAt: null as number | null,
  reason: '',
};

export function ClaimEntryForm({ windows, onSaved }: { windows: ClaimWindow[] | null; onSaved(id: string): Promise<void> }) {
  const [f, setF] = useState(EMPTY);
  const [saved, setSaved] = useState<string | null>(null);
  // A date field whose text is not (yet) the date it holds: half typed, or unreadable.
  const fields = usePendingFields();
  const { run, error, setError, busy } = useActions();
  const set = (patch: Partial<typeof f>) => {
    setSaved(null);
    setF({ ...f, ...patch });
  };
  const opened = f.openedAt;
  const preview = windows && opened !== null ? claimDeadline({ kind: f.kind, openedAt: opened, noticeDueAt: null }, windows) : null;
  const save = async () => {
    setSaved(null);
    const amountMinor = claimAmountMinor(f.amount, f.currency);
    if (!Number.isFinite(amountMinor)) return setError(`The amount is a number in ${f.currency.toUpperCase()}, e.g. 49.99 (JPY: 1200, no decimals)`);
    // The field keeps its last good date while the text in it is not one: saving would enter a
    // date other than the one shown (a notice's deadline typed wrong became the window's).
    if (fields.isPending('opened')) return setError('The clock start shown is not a date yet: finish or correct it, then enter the claim');
    if (fields.isPending('notice'))
      return setError('The deadline from the notice shown is not a date yet: finish or correct it, or clear it, then enter the claim');
    if (opened === null) return setError('Enter when the claim was opened (UTC)');
    const notice = f.noticeDueAt;
    const row = await run(() =>
      cache.addRefundClaim({
        id: f.id,
        kind: f.kind,
        orderRef: f.orderRef,
        amountMinor,
        currency: f.currency,
        openedAt: opened,
        noticeDueAt: notice,
        reason: f.reason,
      }),
    );
    if (!row) return;
    setF({ ...EMPTY, kind: f.kind, currency: f.currency });
    setSaved(`Claim ${row.id} entered: respond by ${row.dueAt ? `${showDateTime(row.dueAt)} UTC` : 'no deadline known'}`);
    await onSaved(row.id);
  };
  return (
    <details className="panel" data-testid="claim-entry">
      <summary>Enter a refund claim (A-to-z, SAFE-T, PayPal, marketplace return)</summary>
      <SubmitForm className="inline-form" aria-label="Enter a refund claim" onSubmit={() => void save()}>
        <label htmlFor="claim-kind">Kind</label>
        <select id="claim-kind" value={f.kind} onChange={(e) => set({ kind: e.target.value as ClaimKind })}>
          {CLAIM_KINDS.map((k) => (
            <option key={k} value={k}>
              {CLAIM_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <label htmlFor="claim-id">Claim or case reference</label>
        <input id="claim-id" value={f.id} onChange={(e) => set({ id: e.target.value })} placeholder="as the marketplace writes it" />
        <label htmlFor="claim-order">Order number</label>
        <input id="claim-order" value={f.orderRef} onChange={(e) => set({ orderRef: e.target.value })} />
        <label htmlFor="claim-amount">Amount</label>
        <span>
          <input id="claim-amount" value={f.amount} onChange={(e) => set({ amount: e.target.value })} size={10} inputMode="decimal" />{' '}
          <input aria-label="Currency" value={f.currency} onChange={(e) => set({ currency: e.target.value })} size={4} />
        </span>
        <label htmlFor="claim-opened">Clock starts (UTC): {CLAIM_DUTY[f.kind].startsAt}</label>
        <DateField id="claim-opened" withTime value={f.openedAt} onChange={(openedAt) => set({ openedAt })} onPending={fields.track('opened')} />
        <label htmlFor="claim-notice">Deadline from the notice (UTC, optional)</label>
        <DateField id="claim-notice" withTime value={f.noticeDueAt} onChange={(noticeDueAt) => set({ noticeDueAt })} onPending={fields.track('notice')} />
        <label htmlFor="claim-reason">What the buyer says (no personal data)</label>
        <input id="claim-reason" value={f.reason} onChange={(e) => set({ reason: e.target.value })} size={40} />
        {preview && (
          <p className="muted small" data-testid="claim-preview">
            {preview.dueAt ? `Respond by ${showDateTime(preview.dueAt)} UTC: ${preview.text}` : `No deadline: ${preview.text}`}
            {f.noticeDueAt !== null ? ' (the notice’s deadline will count instead)' : ''}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Enter claim
          </button>
          {saved && (
            <span role="status" className="muted">
              {saved}
            </span>
          )}
        </div>
      </SubmitForm>
      <ErrorAlert message={error} />
    </details>
  );
}
