// A table of rows the analyst edits and saves as a whole (dated thresholds, claim windows): edits
// clear the "saved" mark, saving keeps what the service kept (it may normalise) and says so.
import { useState } from 'react';
import type { Async } from './useAsync';

export function useRowsEditor<T>(data: Async<T[]>, persist: (rows: T[]) => Promise<T[]>, onSaved: () => void | Promise<void>) {
  const { value: rows, setValue: setRows } = data;
  const [saved, setSaved] = useState(false);
  const change = (next: T[]) => {
    setSaved(false);
    setRows(next);
  };
  const edit = (i: number, patch: Partial<T>) => rows && change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if (!rows) return;
    setSaved(false);
    const kept = await data.run(() => persist(rows));
    if (!kept) return;
    setRows(kept);
    setSaved(true);
    await onSaved();
  };
  return { rows, saved, change, edit, save };
}
