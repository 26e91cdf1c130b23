// "Columns": switch a table's columns on and off, and see which ones were hidden to fit the width
// (their values stay in the row's detail).
import type { ReactNode } from 'react';
import type { ColumnChoice } from './useColumnChoice';

export interface ChoosableColumn {
  id: string;
  /** The header as text. */
  name: string;
  priority: number;
}

export function ColumnChooser({
  table,
  columns,
  choice,
  hiddenToFit,
  hiddenWhere = 'in the detail',
  children,
}: {
  /** The table's name, as its accessible name says it. */
  table: string;
  columns: readonly ChoosableColumn[];
  choice: ColumnChoice;
  hiddenToFit: readonly string[];
  /** Where the values of columns hidden to fit are still shown. */
  hiddenWhere?: string;
  children?: ReactNode;
}) {
  const fitNames = columns.filter((c) => hiddenToFit.includes(c.id)).map((c) => c.name);
  return (
    <div className="column-bar">
      {children}
      {fitNames.length > 0 && (
        <span className="muted" data-testid="hidden-to-fit">
          Hidden to fit the width: {fitNames.join(', ')} ({hiddenWhere})
        </span>
      )}
      <details className="column-chooser">
        <summary>Columns</summary>
        <fieldset>
          <legend>Columns of {table}</legend>
          {columns.map((c) => (
            <label key={c.id}>
              <input type="checkbox" checked={!choice.hidden.has(c.id)} disabled={c.priority === 1} onChange={() => choice.toggle(c.id)} /> {c.name}
              {hiddenToFit.includes(c.id) && <span className="muted"> (hidden to fit)</span>}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
