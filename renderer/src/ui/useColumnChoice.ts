// The columns an analyst has switched off in one table, kept in localStorage per table so the
// choice survives a restart (UI state, not cache data: a backup does not carry it).
import { useCallback, useState } from 'react';

const PREFIX = 'workbench.columns.';

function read(tableId: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(PREFIX + tableId) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface ColumnChoice {
  /** Ids of the columns switched off. */
  hidden: ReadonlySet<string>;
  toggle(id: string): void;
}

export function useColumnChoice(tableId: string): ColumnChoice {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set(read(tableId)));
  const toggle = useCallback(
    (id: string) =>
      setHidden((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        localStorage.setItem(PREFIX + tableId, JSON.stringify([...next]));
        return next;
      }),
    [tableId],
  );
  return { hidden, toggle };
}
