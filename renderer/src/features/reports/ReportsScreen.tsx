// Reports for compliance: the fraud trend and the KPIs of a chosen range, saved as snapshots that
// reopen unchanged, exported as PDF (a print layout with a title page), CSV per table and PNG per
// chart. Figures come from the cache worker (reportService.ts); this screen only shows them.
import { useCallback } from 'react';
import { ErrorAlert } from '../../app/Alerts';
import { TabPanel } from '../../ui/Tabs';
import { usePendingFields } from '../../ui/usePendingFields';
import { KpiParamsBar, REPORT_TABS_BASE, ReportTabs, TrendParamsBar, type RangeField } from './ReportToolbars';
import { RatesEditor, ThresholdsEditor } from './ReportSettings';
import { ShownReportView } from './ShownReportView';
import { SnapshotList } from './SnapshotList';
import { useReport } from './useReport';

export function ReportsScreen() {
  const r = useReport();
  // Range fields whose text is not the applied date: the report below is not for what they show.
  const fields = usePendingFields();
  const { track } = fields;
  const onPending = useCallback((field: RangeField, on: boolean) => track(field)(on), [track]);
  if (r.span === undefined)
    return (
      <section className="screen">
        <p className="muted">Opening the cache…</p>
      </section>
    );
  if (r.span === null) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <h1 id="screen-title">Reports</h1>
        <p className="empty-note">The cache holds no orders yet. Import exports or load the demo data, then the fraud-trend and KPI reports appear here.</p>
      </section>
    );
  }
  const { tab, viewing } = r;
  const live = tab === 'trend' || tab === 'kpi';
  return (
    <section className="screen reports" aria-labelledby="screen-title">
      <header className="screen-head no-print">
        <h1 id="screen-title">Reports</h1>
        <ReportTabs tab={tab} onChoose={r.chooseTab} />
      </header>
      <TabPanel base={REPORT_TABS_BASE} selected={tab} className="tab-panel">
        {tab === 'trend' && r.range && !r.openedSnapshot && (
          <TrendParamsBar
            period={r.period}
            range={r.range}
            dimension={r.dimension}
            setPeriod={r.setPeriod}
            setRange={r.setRange}
            setDimension={r.setDimension}
            onPending={onPending}
          />
        )}
        {tab === 'kpi' && r.kpiRange && !r.openedSnapshot && <KpiParamsBar range={r.kpiRange} setRange={r.setKpiRange} onPending={onPending} />}

        <ErrorAlert message={r.error} className="no-print" />

        {live && viewing && (
          <ShownReportView
            viewing={viewing}
            stale={fields.anyPending && !r.openedSnapshot}
            busy={r.busy}
            note={r.note}
            onSave={() => void r.save(viewing)}
            onExportPdf={() => void r.exportPdf(viewing)}
            onBackToLive={r.backToLive}
            onOrders={r.onOrders}
            onRing={r.onRing}
          />
        )}
        {live && !viewing && <p className="muted">{r.busy ? 'Computing…' : ''}</p>}

        {tab === 'snapshots' && <SnapshotList snapshots={r.snapshots} onOpen={(id) => void r.openSnapshot(id)} />}

        {tab === 'settings' && (
          <div className="settings-stack">
            <ThresholdsEditor onSaved={r.settingsSaved} />
            <RatesEditor onSaved={r.settingsSaved} />
          </div>
        )}
      </TabPanel>
    </section>
  );
}
