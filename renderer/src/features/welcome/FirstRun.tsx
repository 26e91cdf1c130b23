// Shown when the cache is empty: load the seeded demo year, or go and import real exports.
import { useState } from 'react';
import { formatCount } from '../../../../shared/domain/money';
import { cache, progress } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { ErrorAlert } from '../../app/Alerts';
import { useActions } from '../../ui/useAsync';

const SIZES = [10_000, 100_000, 1_000_000] as const;

export function FirstRun() {
  const [size, setSize] = useState<number>(10_000);
  const [state, setState] = useState<{ done: number; total: number; rate: number } | null>(null);
  const { run, error } = useActions();
  const cacheChanged = useUi((s) => s.cacheChanged);
  const go = useUi((s) => s.go);

  async function loadDemo() {
    const started = performance.now();
    setState({ done: 0, total: size, rate: 0 });
    await run(async () => {
      await cache.loadDemo(
        size,
        progress((done, total) => setState({ done, total, rate: done / ((performance.now() - started) / 1000) })),
      );
      cacheChanged();
    });
    setState(null);
  }

  return (
    <div className="first-run">
      <h2>Your local cache is empty</h2>
      <p className="lead">
        Everything stays on this computer. Import your marketplace and payment exports, or explore the workbench with a generated demo year: orders from
        Amazon.de, Zalando and the own shop, Stripe payments, disputes, a few planted fraud rings and the shared addresses and IPs that look like rings but are
        not.
      </p>
      <fieldset className="size-pick" disabled={state !== null}>
        <legend>Demo size</legend>
        {SIZES.map((s) => (
          <label key={s}>
            <input type="radio" name="demo-size" value={s} checked={size === s} onChange={() => setSize(s)} />
            {formatCount(s)} orders
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button className="primary" onClick={loadDemo} disabled={state !== null}>
          Load demo data
        </button>
        <button onClick={() => go('imports')} disabled={state !== null}>
          Import files…
        </button>
      </div>
      {state && (
        <div className="progress" role="status">
          <progress max={state.total} value={state.done} />
          <span>
            {formatCount(state.done)} of {formatCount(state.total)} orders written
            {state.rate > 0 && ` · ${formatCount(Math.round(state.rate))} orders/s`}
          </span>
        </div>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}
