// Personal data: erase one customer on request (GDPR Art. 17) and the retention period. Both show
// what would go before anything changes, and both are entries in the decision log.
import { formatCount, showDate } from '../../../../shared/domain/money';
import { entryNumbers } from '../../../../shared/decisions/entryNumbers';
import type { PlanSummary } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { usePersonalData } from './usePersonalData';
import { SubmitForm } from '../../ui/SubmitForm';
import { ModalDialog } from '../../ui/ModalDialog';
import { mayPush } from '../../../../shared/team';
import { useTeam } from '../team';

function describe(s: PlanSummary): string {
  const parts = [
    `${formatCount(s.orders)} order${s.orders === 1 ? '' : 's'}${s.orderNumbers.length ? ` (${s.orderNumbers.join(', ')}${s.orders > s.orderNumbers.length ? ', …' : ''})` : ''}`,
    `${formatCount(s.payments)} payment${s.payments === 1 ? '' : 's'}`,
  ];
  if (s.notes) parts.push(`${formatCount(s.notes)} decision note${s.notes === 1 ? '' : 's'}`);
  if (s.overrides) parts.push(`${formatCount(s.overrides)} link override${s.overrides === 1 ? '' : 's'}`);
  if (s.attachments) parts.push(`${formatCount(s.attachments)} file${s.attachments === 1 ? '' : 's'} attached to their disputes`);
  return parts.join(', ');
}

export function PersonalDataPanel() {
  const pd = usePersonalData();
  const { who, setWho, reference, setReference, months, setMonths, savedMonths, monthsUnsaved, pending, setPending, message, error, purges } = pd;
  // An erasure on request goes to the team as an erasure event: a role that may not send one (compliance) is told so here, not after Find….
  // A retention purge is each laptop's own: every role purges.
  const account = useTeam((s) => (s.status?.signedIn ? s.status.account : undefined));
  const mayErase = !account || mayPush(account.role, 'erasure');

  return (
    <section className="panel" aria-labelledby="personal-title">
      <h2 id="personal-title">Personal data</h2>
      <SubmitForm className="inline-form" aria-label="Erase a customer" onSubmit={() => void pd.findCustomer()}>
        <label htmlFor="erase-who">Erase a customer on request (GDPR Art. 17): their email or customer id</label>
        <div className="row">
          <input id="erase-who" value={who} onChange={(e) => setWho(e.target.value)} size={32} aria-label="Customer email or customer id" />
          <input
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            size={20}
            aria-label="Request reference"
            placeholder="Request reference (ticket no.)"
          />
          <button type="submit" disabled={!who.trim() || !mayErase}>
            Find…
          </button>
        </div>
        {!mayErase && account && (
          <p className="muted" data-testid="erase-not-yours">
            {account.name} is signed in as {account.role}: a {account.role} account reads the team&apos;s work and does not erase a customer on request. An
            analyst, lead or admin account does, and the erasure reaches this laptop with the next sync. The retention purge below is this laptop&apos;s own.
          </p>
        )}
      </SubmitForm>
      <SubmitForm className="inline-form" aria-label="Retention period" onSubmit={() => void pd.saveMonths()}>
        <label htmlFor="retention-months">Keep personal data of orders and payments for (months; 0 keeps it until erased)</label>
        <div className="row">
          {/* Text, not type="number": that drops a typed comma (12,5 became 125) and reads an unreadable entry as empty. */}
          <input id="retention-months" inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} style={{ width: 80 }} />
          <button type="submit">Save</button>
          {/* A purge applies the saved period: with another one in the box it would purge by a number not shown. */}
          <button type="button" disabled={savedMonths === 0 || monthsUnsaved} onClick={() => void pd.planPurge()}>
            Purge older data now…
          </button>
          {monthsUnsaved && <span className="muted">Save the period first: a purge applies the saved one.</span>}
        </div>
      </SubmitForm>
      {pending && (
        <ModalDialog
          label={pending.kind === 'erasure' ? 'Confirm erasure' : 'Confirm purge'}
          busy={pd.busy}
          onCancel={() => setPending(null)}
          // Enter on arrival must not erase or purge: the focus starts on the missing reference, else on Cancel.
          initialFocus={pending.kind === 'erasure' && !reference.trim() ? 'input' : '[data-cancel]'}
        >
          <p data-testid="personal-plan">
            {pending.kind === 'retention' && pending.summary.before !== null ? `Placed before ${showDate(pending.summary.before)}: ` : ''}
            {describe(pending.summary)} will lose their personal data (names, emails, phones, addresses, IPs, devices, card details). Dates, amounts, channels
            and countries stay for reports. Backups written before still hold it.
            {pending.summary.keptNotes.length > 0 &&
              ` The notes of ${entryNumbers(pending.summary.keptNotes)} were written before notes could be erased and stay.`}
            {pending.summary.keptArchivedNotes > 0 &&
              ` The notes of ${formatCount(pending.summary.keptArchivedNotes)} entr${pending.summary.keptArchivedNotes === 1 ? 'y' : 'ies'} a restore set aside were written before notes could be erased and stay.`}
          </p>
          {/* The page behind the dialog is inert: the reference it logs can be given or corrected here. */}
          {pending.kind === 'erasure' && (
            <label className="inline">
              Request reference (logged)
              <input value={reference} onChange={(e) => setReference(e.target.value)} size={20} />
            </label>
          )}
          <button className="danger" onClick={() => void pd.apply(pending)} disabled={pd.busy || (pending.kind === 'erasure' && !reference.trim())}>
            {pending.kind === 'erasure' ? 'Erase' : 'Purge'}
          </button>
          <button onClick={() => setPending(null)} disabled={pd.busy} data-cancel>
            Cancel
          </button>
          {pending.kind === 'erasure' && !reference.trim() && <span className="muted">Give the request’s reference first: it is logged.</span>}
          <ErrorAlert message={error} />
        </ModalDialog>
      )}
      {purges.length > 0 && (
        <ul className="muted" data-testid="retention-summaries" aria-label="Purges so far">
          {purges.map((p) => (
            <li key={p.id}>
              {showDate(p.at)} by {p.analyst}: personal data placed before {showDate(p.before)} purged, kept as counts for {p.months.length} month
              {p.months.length === 1 ? '' : 's'} ({formatCount(p.months.reduce((n, m) => n + m.orders, 0))} orders,{' '}
              {formatCount(p.months.reduce((n, m) => n + m.payments, 0))} payments)
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
      {!pending && <ErrorAlert message={error} />}
    </section>
  );
}
