// Widths the analyst dragged a table's columns to, kept in localStorage per table like the column
// choice (UI state, not cache data).
import { useCallback, useState } from 'react';

const PREFIX = 'workbench.widths.';
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 800;

function read(tableId: string): Record<string, number> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(PREFIX + tableId) ?? '{}');
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter(([, w]) => typeof w === 'number' && w >= MIN_COLUMN_WIDTH && w <= MAX_COLUMN_WIDTH)) as Record<
      string,
      number
    >;
  } catch {
    return {};
  }
}

export interface ColumnWidths {
  widths: Readonly<Record<string, number>>;
  /** A new width (clamped), or null to let the column size to its content again. */
  setWidth(id: string, width: number | null): void;
}

export function useColumnWidths(tableId: string): ColumnWidths {
  const [widths, setWidths] = useState<Record<string, number>>(() => read(tableId));
  const setWidth = useCallback(
    (id: string, width: number | null) =>
      setWidths((prev) => {
        const next = { ...prev };
        if (width === null) delete next[id];
        else next[id] = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
        try {
          localStorage.setItem(PREFIX + tableId, JSON.stringify(next));
        } catch {
          // A blocked storage only forgets the widths.
        }
        return next;
      }),
    [tableId],
  );
  return { widths, setWidth };
}
