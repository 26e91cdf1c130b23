// Chargebacks and refund claims in one list by deadline: overdue and due within 48 hours first, each
// chargeback with its reason family and its order, each claim with its kind; Visa 10.4 disputes show
// whether local history gives CE 3.0 evidence. Claims are entered here, with their windows as data.
import { CLAIM_KINDS, CLAIM_KIND_LABEL } from '../../../../shared/disputes/claims';
import { REASON_FAMILIES, REASON_FAMILY_LABEL, type ReasonFamily } from '../../../../shared/disputes/reasonCodes';
import { countOf, formatCount } from '../../../../shared/domain/money';
import type { DisputeRow } from '../../core/contract';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { useUi } from '../../state/uiStore';
import { TabPanel, Tabs } from '../../ui/Tabs';
import { useAsync } from '../../ui/useAsync';
import { ClaimDetailView } from './ClaimDetail';
import { ClaimEntryForm } from './ClaimEntryForm';
import { ClaimWindowsEditor } from './ClaimWindowsEditor';
import { DisputeDetailView } from './DisputeDetail';
import { DisputesTable } from './DisputesTable';
import { ResponseCostEditor } from './ResponseCostEditor';
import { useDisputes, type KindFilter } from './useDisputes';

const FAMILY_TABS_BASE = 'dispute-family';

export function DisputesScreen() {
  const showRingOf = useUi((s) => s.showRingOf);
  const ds = useDisputes();
  const windows = useAsync(() => cache.claimWindows(), []);
  const { rows, claims, open, openClaim, counts } = ds;
  const listed = (rows?.length ?? 0) + (claims?.length ?? 0);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Disputes</h1>
        {rows && claims && (
          <span className="count" data-testid="disputes-count">
            {countOf(rows.length, 'dispute')}
            {claims.length ? ` · ${countOf(claims.length, 'refund claim')}` : ''} · {formatCount(counts.overdue)} overdue · {formatCount(counts['due-48h'])} due
            within 48 h
          </span>
        )}
      </header>
      <ErrorAlert message={ds.error} />
      {!rows && !ds.error && <p role="status">Reading disputes…</p>}
      {rows && listed === 0 && (
        <p className="empty-state">
          No disputes in the cache yet. Import a Stripe, Adyen or generic dispute report on the Imports screen, or enter a refund claim below.
        </p>
      )}
      {open && <DisputeDetailView d={open} now={ds.now} onClose={ds.closeDispute} onChange={() => ds.changed(open.id)} />}
      {openClaim && <ClaimDetailView c={openClaim} now={ds.now} onClose={ds.closeClaim} onChange={() => ds.claimChanged(openClaim.id)} />}
      {rows && (
        <>
          <ClaimEntryForm windows={windows.value} onSaved={() => ds.claimChanged(null)} />
          <ClaimWindowsEditor windows={windows} onSaved={ds.reload} />
        </>
      )}
      {rows && listed > 0 && (
        <>
          <ResponseCostEditor onSaved={ds.reload} />
          <div className="toolbar">
            <label className="inline">
              Kind
              <select aria-label="Kind of dispute" value={ds.kind} onChange={(e) => ds.setKind(e.target.value as KindFilter)}>
                <option value="all">Chargebacks and refund claims</option>
                <option value="chargeback">Chargebacks</option>
                <option value="claims">Refund claims</option>
                {CLAIM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {CLAIM_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </label>
            <FamilyChips rows={rows} listed={listed} family={ds.family} onChoose={ds.setFamily} />
          </div>
          <TabPanel base={FAMILY_TABS_BASE} selected={ds.family} className="tab-panel">
            <DisputesTable sorted={ds.sorted} now={ds.now} onOpen={ds.openRow} onRing={showRingOf} />
          </TabPanel>
        </>
      )}
    </section>
  );
}

/** Reason families are the chargebacks'; a family tab shows no claims. */
function FamilyChips({
  rows,
  listed,
  family,
  onChoose,
}: {
  rows: DisputeRow[];
  listed: number;
  family: ReasonFamily | 'all';
  onChoose(f: ReasonFamily | 'all'): void;
}) {
  return (
    <Tabs
      base={FAMILY_TABS_BASE}
      label="Reason families"
      tabs={(['all', ...REASON_FAMILIES] as const).map((f) => ({
        id: f,
        label: `${f === 'all' ? 'All' : REASON_FAMILY_LABEL[f]} (${f === 'all' ? listed : rows.filter((r) => r.family === f).length})`,
      }))}
      selected={family}
      onChoose={onChoose}
    />
  );
}
