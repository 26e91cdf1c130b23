// Personal data from Settings: plan an erasure (one customer) or a purge (the retention period),
// show what would go, then apply it as an entry of the decision log; and the retention period.
import { useState } from 'react';
import { readWholeNumber } from '../../../../shared/domain/wholeNumber';
import { cache } from '../../core/client';
import type { PlanSummary } from '../../core/contract';
import { syncCheckpoint } from '../../app/logWitness';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';

/** The retention box read as Save reads it: whole months, 0 to 20 years. */
const readMonths = (typed: string) => readWholeNumber(typed, { min: 0, max: 240, unit: 'months' });

export type Pending = { kind: 'erasure' | 'retention'; token: number; summary: PlanSummary } | null;

export function usePersonalData() {
  const version = useUi((s) => s.cacheVersion);
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [who, setWho] = useState('');
  const [reference, setReference] = useState('');
  const [months, setMonths] = useState('0');
  /** The period as saved: the one a purge applies, whatever the box shows meanwhile. */
  const [savedMonths, setSavedMonths] = useState(0);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);
  const purges = useAsync(
    async () => {
      const [m, summaries] = await Promise.all([cache.retentionMonths(), cache.retentionSummaries()]);
      setMonths(String(m));
      setSavedMonths(m);
      return summaries;
    },
    [version],
    { keepStale: true },
  );
  const act = (job: () => Promise<void>) => {
    setMessage(null);
    return purges.run(job);
  };

  /** The period the box shows, read as Save reads it. */
  const shown = readMonths(months);

  return {
    /** An erasure or purge (or a load) is running: its dialog cannot be cancelled meanwhile. */
    busy: purges.busy,
    who,
    setWho,
    reference,
    setReference,
    months,
    setMonths,
    savedMonths,
    /** The box shows another period than the saved one (`012` is 12): a purge would not apply what is shown. */
    monthsUnsaved: !shown.ok || shown.value !== savedMonths,
    pending,
    setPending,
    message,
    error: purges.error,
    purges: purges.value ?? [],
    findCustomer: () => act(async () => setPending({ kind: 'erasure', ...(await cache.planErasure(who)) })),
    saveMonths: () =>
      act(async () => {
        // Read as typed: a German 12,5 is a decimal to refuse, an empty box is not "keep forever".
        const read = readMonths(months);
        if (!read.ok) throw new Error(read.problem);
        await cache.setRetentionMonths(read.value);
        setMonths(String(read.value));
        setSavedMonths(read.value);
        setMessage(read.value ? `Personal data is kept for ${read.value} months.` : 'No retention period: personal data is kept until erased.');
      }),
    planPurge: () =>
      act(async () => {
        const plan = await cache.planRetention();
        if (!plan) throw new Error('No retention period is saved: personal data is kept until erased, so nothing is purged.');
        setPending({ kind: 'retention', ...plan });
      }),
    apply: (p: NonNullable<Pending>) =>
      act(async () => {
        const entry = await cache.applyPersonalData(p.token, reference);
        setPending(null);
        setWho('');
        setReference('');
        cacheChanged();
        await syncCheckpoint();
        setMessage(`${p.kind === 'erasure' ? 'Erased' : 'Purged'}; logged as entry ${entry.seq} of the decision log.`);
      }),
  };
}
