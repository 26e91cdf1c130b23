// A case's status moves on its panel (a dispute's or a refund claim's): each change runs, then the
// case and the list are read again; a move that needs a reason (a correction, a guarded submit) logs
// the reason typed in its form and says whether it was kept, so that form closes only then.
import { useState } from 'react';
import type { DisputeStatus } from '../../../../shared/domain/dispute';
import { useActions } from '../../ui/useAsync';

export function useStatusMoves(setStatus: (to: DisputeStatus, note: string) => Promise<void>, onChange: () => Promise<void>) {
  const { run, error } = useActions();
  /** The reason typed in the open reason form. */
  const [reason, setReason] = useState('');
  /** A change to the case, then the case and the list read again. */
  const act = (job: () => Promise<void>) =>
    run(async () => {
      await job();
      await onChange();
    });
  /** A move asked for with a reason: true when it was logged, so the reason form closes. */
  const moveWithReason = (to: DisputeStatus, then?: () => void) => async () => {
    let kept = false;
    await act(async () => {
      await setStatus(to, reason);
      kept = true;
      then?.();
    });
    return kept;
  };
  return { act, moveWithReason, reason, setReason, error };
}
