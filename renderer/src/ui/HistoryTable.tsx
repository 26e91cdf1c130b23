// The workbench's plain tables (logs, queues, lists of rings, disputes, imports): columns declared
// once as data, so every table gets the same header, alignment and row markup.
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';

export interface Column<Row> {
  /** Header cell; null leaves it empty (an actions column). */
  header: ReactNode;
  /** Names an empty header for screen readers. */
  headerLabel?: string;
  cell(row: Row, index: number): ReactNode;
  /** Numbers align right, in the header and the cells. */
  right?: boolean;
  /** Extra class of the body cells, e.g. `mono` for hashes. */
  className?: string;
  /** A body cell's tooltip (the whole value of a shortened one). */
  title?(row: Row): string | undefined;
  /** Left out of print (buttons), header and cells. */
  noPrint?: boolean;
  /** Names the column for the column chooser and its stored choice (FittedTable). */
  id?: string;
  /** 1 always shows; a higher number hides earlier when the table is too wide (FittedTable). */
  priority?: number;
  /** A width the analyst dragged the column to, in px (FittedTable); absent: as wide as its content asks. */
  width?: number;
}

type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };
export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & DataAttributes;

export function HistoryTable<Row>({
  rows,
  columns,
  rowKey,
  rowProps,
  onOpen,
  label,
  testId,
  className = 'history',
  headless = false,
  empty,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey(row: Row, index: number): string | number;
  /** Per-row attributes: a click handler, selection, data-* hooks for tests and styles. */
  rowProps?: (row: Row, index: number) => RowAttributes;
  /** What a click on a row opens; the row is then also a tab stop that Enter or Space opens. */
  onOpen?(row: Row): void;
  /** The table's accessible name. */
  label?: string;
  testId?: string;
  className?: string;
  /** No header row (a two-column key table). */
  headless?: boolean;
  /** Said in one row across the table when there are no rows. */
  empty?: ReactNode;
}) {
  return (
    <table className={className} aria-label={label} data-testid={testId}>
      {!headless && (
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th
                key={i}
                className={headerClass(c)}
                aria-label={c.headerLabel}
                style={c.width ? { width: c.width, minWidth: c.width, maxWidth: c.width } : undefined}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.length === 0 && empty !== undefined && (
          <tr>
            <td colSpan={columns.length} className="muted">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} {...(onOpen && openable(() => onOpen(row)))} {...rowProps?.(row, i)}>
            {columns.map((c, j) => (
              <td key={j} className={cellClass(c)} title={c.title?.(row)}>
                {c.cell(row, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A row that opens something is reachable and operable by keyboard as well as by the mouse. */
function openable(open: () => void): RowAttributes {
  return {
    tabIndex: 0,
    onClick: open,
    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
      // Keys in a button or field inside the row are theirs, not the row's.
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      open();
    },
  };
}

function headerClass(c: Column<unknown>): string | undefined {
  return [c.right ? 'right' : '', c.noPrint ? 'no-print' : ''].filter(Boolean).join(' ') || undefined;
}

function cellClass(c: Column<unknown>): string | undefined {
  return [c.right ? 'right' : '', c.className ?? '', c.noPrint ? 'no-print' : ''].filter(Boolean).join(' ') || undefined;
}
