// Which fields of a form show text they have not taken (a DateField or NumberField told so through
// onPending): the form then does not act on values other than the ones shown.
import { useCallback, useEffect, useRef, useState } from 'react';

export function usePendingFields(): { anyPending: boolean; isPending(field: string): boolean; track(field: string): (pending: boolean) => void } {
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
  return { anyPending: pending.size > 0, isPending: (field) => pending.has(field), track };
}

/** A field's side: tells `onPending` whether its text differs from the value it holds, and false when it goes. */
export function useTellPending(pending: boolean, onPending: ((pending: boolean) => void) | undefined): void {
  const tell = useRef(onPending);
  useEffect(() => {
    tell.current = onPending;
  });
  useEffect(() => {
    tell.current?.(pending);
  }, [pending]);
  useEffect(() => () => tell.current?.(false), []);
}
