// Disputes by deadline: overdue and due within 48 hours first, each with its reason family and
// its order; Visa 10.4 disputes show whether local history gives CE 3.0 evidence.
import { REASON_FAMILIES, REASON_FAMILY_LABEL, type ReasonFamily } from '../../../../shared/disputes/reasonCodes';
import { formatCount } from '../../../../shared/domain/money';
import type { DisputeRow } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { useUi } from '../../state/uiStore';
import { TabPanel, Tabs } from '../../ui/Tabs';
import { DisputeDetailView } from './DisputeDetail';
import { DisputesTable } from './DisputesTable';
import { ResponseCostEditor } from './ResponseCostEditor';
import { useDisputes } from './useDisputes';

const FAMILY_TABS_BASE = 'dispute-family';

export function DisputesScreen() {
  const showRingOf = useUi((s) => s.showRingOf);
  const ds = useDisputes();
  const { rows, open, counts } = ds;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Disputes</h1>
        {rows && (
          <span className="count" data-testid="disputes-count">
            {formatCount(rows.length)} disputes · {formatCount(counts.overdue)} overdue · {formatCount(counts['due-48h'])} due within 48 h
          </span>
        )}
      </header>
      <ErrorAlert message={ds.error} />
      {!rows && !ds.error && <p role="status">Reading disputes…</p>}
      {rows && rows.length === 0 && (
        <p className="empty-state">No disputes in the cache yet. Import a Stripe, Adyen or generic dispute report on the Imports screen.</p>
      )}
      {open && <DisputeDetailView d={open} now={ds.now} onClose={ds.closeDispute} onChange={() => ds.changed(open.id)} />}
      {rows && rows.length > 0 && (
        <>
          <ResponseCostEditor onSaved={ds.reload} />
          <FamilyChips rows={rows} family={ds.family} onChoose={ds.setFamily} />
          <TabPanel base={FAMILY_TABS_BASE} selected={ds.family} className="tab-panel">
            <DisputesTable sorted={ds.sorted} now={ds.now} onOpen={ds.openDispute} onRing={showRingOf} />
          </TabPanel>
        </>
      )}
    </section>
  );
}

function FamilyChips({ rows, family, onChoose }: { rows: DisputeRow[]; family: ReasonFamily | 'all'; onChoose(f: ReasonFamily | 'all'): void }) {
  return (
    <div className="toolbar">
      <Tabs
        base={FAMILY_TABS_BASE}
        label="Reason families"
        tabs={(['all', ...REASON_FAMILIES] as const).map((f) => ({
          id: f,
          label: `${f === 'all' ? 'All' : REASON_FAMILY_LABEL[f]} (${f === 'all' ? rows.length : rows.filter((r) => r.family === f).length})`,
        }))}
        selected={family}
        onChoose={onChoose}
      />
    </div>
  );
}
