// Rings: groups of orders linked by a shared card, device, email, phone, IP or address,
// ranked by risk, with the hubs that were held back from linking.
import { countOf, formatCount } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../app/Alerts';
import { HubsPanel } from './HubsPanel';
import { LinkOptionsBar } from './LinkOptionsBar';
import { OverridesPanel } from './OverridesPanel';
import { TeamOverridesPanel } from '../team';
import { RingDetailView } from './RingDetailView';
import { RingList } from './RingList';
import { useRings } from './useRings';

export function RingsScreen() {
  const r = useRings();
  const { overview, open } = r;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Rings</h1>
        {overview && (
          <span className="count" data-testid="rings-count" aria-busy={r.busy}>
            {countOf(overview.rings.length, 'ring')} over {countOf(overview.orders, 'order')} · {countOf(overview.hubs.filter((h) => !h.allowed).length, 'hub')}{' '}
            held back · linked in {formatCount(overview.computedMs)} ms
            {overview.indexedOrders > 0 && ` (${formatCount(overview.indexedOrders)} new orders normalised in ${formatCount(overview.indexMs)} ms)`}
            {overview.indexedOrders === 0 && overview.restoredOrders > 0 && ' (key index read from the cache, no orders normalised)'}
          </span>
        )}
      </header>
      <ErrorAlert message={r.error} />
      {!overview && !r.error && <p role="status">{r.indexing === null ? 'Linking orders…' : `Linking orders… ${Math.floor(r.indexing * 100)} %`}</p>}
      {overview && r.indexing !== null && (
        <p role="status" className="muted">
          Adding new orders to the key index… {Math.floor(r.indexing * 100)} %
        </p>
      )}
      {r.notice && (
        <p role="status" className="muted">
          {r.notice}
        </p>
      )}
      {open && <RingDetailView key={open.id} ring={open} onClose={r.closeRing} actions={r.ringActions(open)} />}
      {overview && (
        <>
          <LinkOptionsBar options={r.options} onChange={r.setOptions} />
          <RingList overview={overview} onOpen={r.openRing} />
          <HubsPanel hubs={overview.hubs} bursts={overview.bursts} onAllow={r.allowHub} />
          <OverridesPanel overrides={r.overrides} onUndo={(id) => void r.undoOverride(id)} />
          <TeamOverridesPanel onApply={(device, id) => void r.applyTeamOverride(device, id)} refreshKey={r.overrides} />
        </>
      )}
    </section>
  );
}
