// Report snapshots from the Reports screen: save what is shown (signed and hashed by the cache
// worker), print it to PDF under its snapshot, list the saved ones and reopen one unchanged.
import type { Dispatch, RefObject, SetStateAction } from 'react';
import type { TrendReport } from '../../../../shared/reports/fraudTrend';
import { titleWithHead } from '../../../../shared/decisions/witnessFiles';
import { cache } from '../../core/client';
import type { ReportSnapshotRecord } from '../../core/contract';
import { exportPdf as printAndLog } from '../../app/exportFile';
import { useAsync, type Async } from '../../ui/useAsync';
import type { ReportTab } from './reportParams';
import { titleOf, type KpiFigures, type Shown, type TrendFigures } from './shownReport';

export interface SnapshotInputs {
  tab: ReportTab;
  version: number;
  setShown: Dispatch<SetStateAction<Shown | null>>;
  setTab(tab: ReportTab): void;
  setNote(note: string | null): void;
  pinnedRef: RefObject<boolean>;
  status: Pick<Async<unknown>, 'run'>;
}

export function useSnapshots({ tab, version, setShown, setTab, setNote, pinnedRef, status }: SnapshotInputs) {
  const { run } = status;
  const list = useAsync(() => (tab === 'snapshots' ? cache.reportSnapshots() : null), [tab, version], { keepStale: true });

  const save = async (s: Shown): Promise<ReportSnapshotRecord> => {
    if (s.snapshot) return s.snapshot;
    const params = s.kind === 'fraud-trend' ? s.figures.report.params : { from: s.figures.report.from, to: s.figures.report.to };
    const snap = await cache.saveReportSnapshot(s.kind, titleOf(s), params, s.figures, s.dataHash);
    setShown({ ...s, snapshot: snap } as Shown);
    setNote(`Saved as snapshot #${snap.id}, signed by ${snap.analyst}.`);
    return snap;
  };

  const exportPdf = (s: Shown) =>
    run(async () => {
      const snap = await save(s);
      // Let the title page render with the snapshot's hash before printing.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const name = `${titleOf(s).replace(/[^A-Za-z0-9-]+/g, '-')}-snapshot-${snap.id}`;
      const before = document.title;
      // The PDF's title names the decision log's head, so the file can later witness the log.
      document.title = snap.logHead ? titleWithHead(name, snap.logHead) : name;
      try {
        await printAndLog({ suggestedName: `${name}.pdf`, landscape: false, rows: null, what: `${titleOf(s)}, snapshot #${snap.id}` });
      } finally {
        document.title = before;
      }
    });

  const openSnapshot = (id: number) =>
    run(async () => {
      const { snapshot, intact } = await cache.reportSnapshot(id);
      const base = { dataHash: snapshot.dataHash, snapshot, intact };
      if (snapshot.kind === 'fraud-trend') {
        const p = snapshot.params as TrendReport['params'];
        const dataNow = (await cache.fraudTrend({ period: p.period, from: p.from, to: p.to, dimension: p.dimension })).dataHash;
        setShown({ kind: 'fraud-trend', figures: snapshot.figures as TrendFigures, ...base, dataNow });
      } else {
        const p = snapshot.params as { from: number; to: number };
        const dataNow = (await cache.kpiReport(p.from, p.to)).dataHash;
        setShown({ kind: 'kpi', figures: snapshot.figures as KpiFigures, ...base, dataNow });
      }
      pinnedRef.current = true;
      setTab(snapshot.kind === 'fraud-trend' ? 'trend' : 'kpi');
    });

  return { snapshots: list.value, listError: list.error, save: (s: Shown) => run(() => save(s)), exportPdf, openSnapshot };
}
