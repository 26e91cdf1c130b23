// The report on screen: its title and actions (save, PDF, back to live figures), the banner of an
// opened snapshot, the print title page, and the fraud-trend or KPI figures themselves.
import { useEffect, useRef } from 'react';
import { showDateTime } from '../../../../shared/domain/money';
import type { OrdersWhat } from '../../../../shared/reports/ordersBehind';
import { FraudTrendView } from './FraudTrendView';
import { KpiView } from './KpiView';
import { isOpenedSnapshot, stampOf, titleOf, type Shown } from './shownReport';
import { TitlePage } from './TitlePage';

export function ShownReportView({
  viewing,
  stale = false,
  busy,
  note,
  onSave,
  onExportPdf,
  onBackToLive,
  onOrders,
  onRing,
}: {
  viewing: Shown;
  /** A date field shows other dates than the report's: it can be neither saved nor printed as theirs. */
  stale?: boolean;
  busy: boolean;
  note: string | null;
  onSave(): void;
  onExportPdf(): void;
  onBackToLive(): void;
  onOrders?: (period: number | null, group: number | null, what: OrdersWhat) => void;
  onRing(ringId: string): void;
}) {
  const opened = isOpenedSnapshot(viewing);
  // A snapshot opens in place of the list its Open was pressed in: the focus goes on to its way back, not to the page.
  const back = useRef<HTMLButtonElement>(null);
  const openedId = opened ? viewing.snapshot!.id : null;
  useEffect(() => {
    if (openedId !== null) back.current?.focus();
  }, [openedId]);
  return (
    <>
      <div className="report-actions no-print">
        <h2 className="report-title" data-testid="report-title">
          {titleOf(viewing)}
        </h2>
        <div className="actions">
          {stale ? (
            <span className="warn" data-testid="report-stale" role="status">
              This report is for the dates applied before: finish the date above to update it.
            </span>
          ) : (
            <>
              {/* Once saved it names the snapshot and does nothing more, but keeps the focus it was pressed with. */}
              <button onClick={viewing.snapshot ? undefined : onSave} aria-disabled={viewing.snapshot !== null}>
                {viewing.snapshot ? `Snapshot #${viewing.snapshot.id}` : 'Save snapshot'}
              </button>
              <button className="primary" onClick={onExportPdf}>
                Export PDF
              </button>
            </>
          )}
          {opened && (
            <button ref={back} onClick={onBackToLive}>
              Back to live figures
            </button>
          )}
          {busy && <span className="muted">Computing…</span>}
          <span className="ok" role="status">
            {note}
          </span>
        </div>
      </div>
      {opened && <SnapshotBanner shown={viewing} />}
      <TitlePage shown={viewing} />
      {viewing.figures.team && viewing.figures.team.length > 0 && (
        <div className="report-team muted small" data-testid="report-team">
          {viewing.figures.team.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {viewing.kind === 'fraud-trend' ? (
        <FraudTrendView
          report={viewing.figures.report}
          rings={viewing.figures.rings}
          dataSpan={viewing.figures.dataSpan ?? null}
          stamp={stampOf(viewing)}
          onOrders={onOrders}
          onRing={onRing}
        />
      ) : (
        <KpiView report={viewing.figures.report} stamp={stampOf(viewing)} />
      )}
    </>
  );
}

/** Whose snapshot, from when, whether its hash holds and whether the data behind it has changed since. */
function SnapshotBanner({ shown }: { shown: Shown }) {
  const snap = shown.snapshot!;
  return (
    <p className={shown.intact ? 'snapshot-banner' : 'snapshot-banner error'} data-testid="snapshot-banner" role="status">
      Snapshot #{snap.id}, saved {showDateTime(snap.createdAt)} UTC by {snap.analyst}: the figures as they were then.{' '}
      {shown.intact ? 'Its hash checks out.' : 'Its content no longer matches its hash: it was altered.'}{' '}
      {shown.dataNow === shown.dataHash ? 'The data behind it is unchanged.' : 'The cache has changed since; live figures would differ.'}
    </p>
  );
}
