// Building blocks of the report screens: a figure with its change against the previous span, a
// chart box with a PNG export, and a table with a CSV export. Print hides the export buttons.
import { useRef, type ReactNode } from 'react';
import { HistoryTable, type Column as TableColumn } from '../../ui/HistoryTable';
import { useActions } from '../../ui/useAsync';
import { saveChartPng, saveTableCsv, type TableData } from './exporters';

export { change, changePp, hours, pct } from './figureText';

export function Figure({
  label,
  value,
  sub,
  previous,
  delta,
  bad,
}: {
  label: string;
  value: string;
  sub?: string;
  previous?: string;
  delta?: string;
  bad?: boolean;
}) {
  return (
    <div className="figure" data-testid={`figure-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      {sub && <div className="figure-sub">{sub}</div>}
      {previous !== undefined && (
        <div className="figure-sub">
          previous {previous}
          {delta && <span className={bad ? 'delta bad' : 'delta'}> {delta}</span>}
        </div>
      )}
    </div>
  );
}

export function ChartBox({ title, note, stamp, children }: { title: string; note?: string; stamp: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { run, error } = useActions();
  return (
    <figure className="chart-box">
      <figcaption>
        <span className="chart-title">{title}</span>
        <button
          className="link no-print"
          onClick={() => {
            const chart = ref.current;
            if (chart) void run(() => saveChartPng(chart, title, stamp));
          }}
        >
          PNG
        </button>
      </figcaption>
      {note && <p className="muted small">{note}</p>}
      <div ref={ref} className="chart-area">
        {children}
      </div>
      {error && <p className="error">{error}</p>}
    </figure>
  );
}

export interface Column {
  label: string;
  right?: boolean;
  /** Long text (a threshold's source): wraps instead of widening the table past the page. */
  wrap?: boolean;
}

/**
 * A report table. `rows` are the display cells; `csv` the raw values exported (numbers unformatted).
 * `actions` renders per-row buttons (not exported, not printed).
 */
export function ReportTable({
  title,
  columns,
  rows,
  csv,
  stamp,
  actions,
  testId,
  caption,
}: {
  title: string;
  columns: Column[];
  rows: ReactNode[][];
  csv: TableData;
  stamp: string;
  actions?: (i: number) => ReactNode;
  testId?: string;
  caption?: string;
}) {
  const { run, error } = useActions();
  const tableColumns: TableColumn<ReactNode[]>[] = columns.map((c, j) => ({
    header: c.label,
    right: c.right,
    ...(c.wrap ? { className: 'wrap' } : {}),
    cell: (r) => r[j],
  }));
  if (actions) tableColumns.push({ header: null, headerLabel: 'Actions', noPrint: true, cell: (_, i) => actions(i) });
  return (
    <section className="report-table">
      <h3>
        {title}
        <button className="link no-print" onClick={() => void run(() => saveTableCsv(csv, stamp))}>
          CSV
        </button>
      </h3>
      {caption && <p className="muted small">{caption}</p>}
      {error && <p className="error">{error}</p>}
      <HistoryTable rows={rows} columns={tableColumns} rowKey={(_, i) => i} className="history report" testId={testId} empty="Nothing in this range." />
    </section>
  );
}
