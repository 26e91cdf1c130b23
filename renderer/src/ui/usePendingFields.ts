// Which fields of a form show text they have not taken (a DateField or NumberField told so through
// onPending): the form then does not act on values other than the ones shown.
import { useCallback, useState } from 'react';

export function usePendingFields(): { anyPending: boolean; track(field: string): (pending: boolean) => void } {
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const track = useCallback(
    (field: string) => (p: boolean) =>
      setPending((s) => {
        if (s.has(field) === p) return s;
        const next = new Set(s);
        if (p) next.add(field);
        else next.delete(field);
        return next;
      }),
    [],
  );
  return { anyPending: pending.size > 0, track };
}
