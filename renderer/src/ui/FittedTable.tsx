// A HistoryTable that fits its width: the analyst's chosen columns, less the lowest-priority ones
// while the table is wider than its box; scrolls sideways only when even the priority-1 columns
// do not fit. Header and first column are sticky.
import { useLayoutEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import { ColumnChooser } from './ColumnChooser';
import { nextToHide } from './columnFit';
import { HistoryTable, type Column } from './HistoryTable';
import { useColumnChoice } from './useColumnChoice';
import { useColumnWidths } from './useColumnWidths';
import { ColumnResizer } from './ColumnResizer';

export type FitColumn<Row> = Column<Row> & { id: string; priority: number };

interface Fit {
  /** Column ids hidden to fit, in the order they were hidden. */
  hidden: string[];
  /** The box's width when the last one was hidden: wider, everything is tried again. */
  width: number;
  /** The choice this fit was made for. */
  chosen: ReadonlySet<string>;
  /** Even the columns that always show are wider than the box. */
  overflows: boolean;
}

type TableProps<Row> = Omit<ComponentProps<typeof HistoryTable<Row>>, 'columns' | 'label'>;

export function FittedTable<Row>({
  tableId,
  columns,
  label,
  scrolls = false,
  hiddenWhere,
  ...table
}: TableProps<Row> & {
  /** Where the column choice is kept. */
  tableId: string;
  columns: readonly FitColumn<Row>[];
  label: string;
  /** The table scrolls in its own box (a bounded height) rather than with the screen. */
  scrolls?: boolean;
  /** Where the values of columns hidden to fit are still shown, when not in the row's detail. */
  hiddenWhere?: string;
}) {
  const choice = useColumnChoice(tableId);
  const { widths, setWidth } = useColumnWidths(tableId);
  const [fit, setFit] = useState<Fit>({ hidden: [], width: 0, chosen: choice.hidden, overflows: false });
  const box = useRef<HTMLDivElement>(null);
  // A new choice re-fits from everything chosen.
  const current = fit.chosen === choice.hidden;
  const hiddenToFit = useMemo(() => (current ? fit.hidden : []), [current, fit.hidden]);
  const overflows = current && fit.overflows;
  const shown = useMemo(
    () =>
      columns
        .filter((c) => !choice.hidden.has(c.id) && !hiddenToFit.includes(c.id))
        .map((c) => {
          const name = typeof c.header === 'string' ? c.header : (c.headerLabel ?? c.id);
          const width = widths[c.id];
          return {
            ...c,
            ...(width ? { width } : {}),
            header: (
              <>
                {c.header}
                <ColumnResizer name={name} width={width} onWidth={(w) => setWidth(c.id, w)} />
              </>
            ),
          };
        }),
    [columns, choice.hidden, hiddenToFit, widths, setWidth],
  );

  // After each render, before paint: one more column hidden while the table is wider than its box.
  // New rows can widen it too.
  useLayoutEffect(() => {
    const el = box.current;
    const tableEl = el?.querySelector('table');
    if (!el || !tableEl || overflows || tableEl.offsetWidth <= el.clientWidth) return;
    const drop = nextToHide(shown);
    // Nothing left to hide: the box scrolls sideways, the last resort.
    setFit({ hidden: drop ? [...hiddenToFit, drop.id] : hiddenToFit, width: el.clientWidth, chosen: choice.hidden, overflows: !drop });
  }, [overflows, shown, hiddenToFit, choice.hidden, table.rows]);

  // A wider box may fit what was hidden, and a box narrower than the table needs more hidden (nothing
  // else renders the table again on a resize): start again from every chosen column.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      setFit((f) => {
        const wider = el.clientWidth > f.width && (f.hidden.length > 0 || f.overflows);
        const tableEl = el.querySelector('table');
        const tooNarrow = !f.overflows && tableEl !== null && tableEl.offsetWidth > el.clientWidth;
        return wider || tooNarrow ? { ...f, hidden: [], width: el.clientWidth, overflows: false } : f;
      });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="fitted">
      <ColumnChooser
        table={label}
        columns={columns.map((c) => ({ id: c.id, name: typeof c.header === 'string' ? c.header : (c.headerLabel ?? c.id), priority: c.priority }))}
        choice={choice}
        hiddenToFit={hiddenToFit}
        hiddenWhere={hiddenWhere}
      />
      <div className={`table-fit${scrolls ? ' scrolls' : ''}${overflows ? ' overflows' : ''}`} ref={box} data-testid={`${tableId}-box`}>
        <HistoryTable {...table} columns={shown} label={label} />
      </div>
    </div>
  );
}
