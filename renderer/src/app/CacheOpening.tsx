// While the cache opens: what a schema upgrade is doing, asked of the cache worker twice a second.
import { useEffect, useState } from 'react';
import { cache } from '../core/client';
import { formatCount } from '../../../shared/domain/money';

type Opening = { what: string; done: number; total: number } | null;

/**
 * "Opening cache…", or what a first start after an update is doing to the cache and how far it is
 * (a schema upgrade of a large cache takes seconds once). `quiet`: nothing until an upgrade shows.
 */
export function CacheOpening({ quiet = false }: { quiet?: boolean }) {
  const [opening, setOpening] = useState<Opening>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void cache
        .openingProgress()
        .then((p) => live && setOpening(p))
        .catch(() => undefined);
    ask();
    const timer = setInterval(ask, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!opening) return quiet ? null : <div className="muted">Opening cache…</div>;
  return (
    <div role="status" data-testid="cache-upgrade" className={quiet ? 'panel cache-upgrade' : 'cache-upgrade'}>
      <div className="muted">Updating the cache for this version: {opening.what}</div>
      <progress max={Math.max(1, opening.total)} value={opening.done} aria-label="Cache update" />
      <div className="muted">
        {formatCount(opening.done)} of {formatCount(opening.total)}
      </div>
    </div>
  );
}
