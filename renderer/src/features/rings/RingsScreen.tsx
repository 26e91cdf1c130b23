// Rings: groups of orders linked by a shared card, device, email, phone, IP or address,
// ranked by risk, with the hubs that were held back from linking.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_KEY_TYPES, type LinkOptions } from '../../../../shared/linking';
import { KEY_TYPES, STRENGTHS, type Strength } from '../../../../shared/normalize';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { formatCount, formatDate, formatMoney } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import { RING_LISTS, type RingDetail, type RingList, type RingsOverview, type OverrideEntry } from '../../core/contract';
import type { KeyType } from '../../../../shared/normalize';
import { useUi } from '../../state/uiStore';
import { RingDetailView } from './RingDetailView';
import { OverridesPanel } from './OverridesPanel';
import { ErrorAlert } from '../../app/Alerts';

const PAGE = 100;

export function RingsScreen() {
  const version = useUi((s) => s.cacheVersion);
  const ringFor = useUi((s) => s.ringFor);
  const ringShown = useUi((s) => s.ringShown);
  const [notice, setNotice] = useState<string | null>(null);
  const [overview, setOverview] = useState<RingsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<RingDetail | null>(null);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  // Rows drawn: a page at a time, so re-linking a million orders redraws in well under 300 ms.
  const [shownRows, setShownRows] = useState(PAGE);
  const [overrides, setOverrides] = useState<OverrideEntry[]>([]);
  const [allowing, setAllowing] = useState<{ type: KeyType; value: string } | null>(null);
  const [allowReason, setAllowReason] = useState('');
  const [list, setList] = useState<RingList>('riskiest');
  const [options, setOptions] = useState<Required<Pick<LinkOptions, 'keyTypes' | 'minStrength' | 'hubThreshold'>>>({
    keyTypes: DEFAULT_KEY_TYPES,
    minStrength: 'medium',
    hubThreshold: 8,
  });

  /** Re-links with the current overrides and reopens the ring on screen if it still exists. */
  const relink = useCallback(async (reopen: string | null) => {
    setError(null);
    setBusy(true);
    try {
      const [o, entries] = await Promise.all([cache.rings(options), cache.linkOverrides()]);
      setOverview(o);
      setOverrides(entries);
      setOpen(reopen && o.rings.some((r) => r.id === reopen) ? await cache.ringDetail(reopen) : null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, [options]);

  // New data clears the screen; new linking options keep the old rings on screen until the new ones are in.
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current !== version) {
      shownVersion.current = version;
      setOverview(null);
    }
    void relink(null);
  }, [version, relink]);

  // "Show its ring" from an order: open that order's ring once the rings are computed.
  useEffect(() => {
    if (!overview || !ringFor) return;
    ringShown();
    void (async () => {
      const id = await cache.ringOf(ringFor);
      if (id) setOpen(await cache.ringDetail(id));
      else setNotice(`Order ${ringFor.split(':').slice(1).join(':')} is not in any ring with these linking options.`);
    })();
  }, [overview, ringFor, ringShown]);

  const q = filter.trim().toLowerCase();
  const byId = new Map((overview?.rings ?? []).map((r) => [r.id, r]));
  const rings = (overview?.lists[list] ?? [])
    .map((id) => byId.get(id)!)
    .filter((r) => !q || Object.values(r.keys).some((vs) => vs!.some((v) => v.toLowerCase().includes(q))));
  const LIST_LABEL: Record<RingList, string> = {
    riskiest: 'Riskiest',
    largest: 'Largest',
    growing: 'Fastest-growing (7 days)',
    new: overview?.latestImport ? `New with ${overview.latestImport.fileName}` : 'New with the last import',
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Rings</h1>
        {overview && (
          <span className="count" data-testid="rings-count" aria-busy={busy}>
            {formatCount(overview.rings.length)} rings over {formatCount(overview.orders)} orders · {formatCount(overview.hubs.length)} hubs held back · linked in{' '}
            {formatCount(overview.computedMs)} ms
            {overview.indexedOrders > 0 && ` (${formatCount(overview.indexedOrders)} new orders normalised in ${formatCount(overview.indexMs)} ms)`}
          </span>
        )}
      </header>
      <ErrorAlert message={error} />
      {!overview && !error && <p role="status">Linking orders…</p>}
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
      {open && (
        <RingDetailView
          ring={open}
          onClose={() => setOpen(null)}
          actions={{
            neverLink: async (type, value, reason) => {
              await cache.addLinkOverride(type, value, 'never-link', reason);
              await relink(open.id);
            },
            mark: async (status, note) => {
              await cache.markRing(open.id, status, note);
              await relink(open.id);
            },
            expand: (nodeId, known) => cache.ringExpand(nodeId, known),
          }}
        />
      )}
      {overview && (
        <>
          <div className="toolbar" role="group" aria-label="Linking options">
            <span className="muted">Link on</span>
            {KEY_TYPES.map((t) => (
              <label key={t} className="inline">
                <input
                  type="checkbox"
                  checked={options.keyTypes.includes(t)}
                  onChange={() =>
                    setOptions({ ...options, keyTypes: options.keyTypes.includes(t) ? options.keyTypes.filter((x) => x !== t) : [...options.keyTypes, t] })
                  }
                />
                {t}
              </label>
            ))}
            <label className="inline">
              weakest key
              <select aria-label="Weakest key" value={options.minStrength} onChange={(e) => setOptions({ ...options, minStrength: e.target.value as Strength })}>
                {STRENGTHS.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </label>
            <label className="inline">
              hub above
              <input
                aria-label="Hub threshold"
                type="number"
                min={2}
                max={1000}
                value={options.hubThreshold}
                onChange={(e) => setOptions({ ...options, hubThreshold: Math.max(2, Number(e.target.value) || 8) })}
                style={{ width: 64 }}
              />
              customers
            </label>
          </div>
          <div className="toolbar">
            <div className="chips" role="tablist" aria-label="Ring lists">
              {RING_LISTS.map((l) => (
                <button key={l} role="tab" aria-selected={list === l} className={list === l ? 'chip on' : 'chip'} onClick={() => setList(l)}>
                  {LIST_LABEL[l]} ({overview.lists[l].length})
                </button>
              ))}
            </div>
            <input className="search" type="search" aria-label="Search rings" placeholder="Search a card, email, address, IP or device in the rings" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <table className="history" aria-label="Rings">
            <thead>
              <tr>
                <th className="right">Rank</th>
                <th className="right">Risk</th>
                <th className="right">Orders</th>
                <th className="right">Customers</th>
                <th className="right">Cards</th>
                <th className="right">Devices</th>
                <th>Value</th>
                <th className="right">Fraud disputes</th>
                <th>Channels</th>
                <th>First seen</th>
                <th>Last seen</th>
                <th className="right">Peak / 24 h</th>
                <th>Linked by</th>
                <th>Verdict</th>
              </tr>
            </thead>
            <tbody>
              {rings.slice(0, shownRows).map((r) => (
                <tr key={r.id} className="clickable" onClick={async () => setOpen(await cache.ringDetail(r.id))}>
                  <td className="right">{r.rank}</td>
                  <td className="right">
                    <strong>{r.metrics.score}</strong>
                  </td>
                  <td className="right">{r.metrics.orders}</td>
                  <td className="right">{r.metrics.customers}</td>
                  <td className="right">{r.metrics.cards}</td>
                  <td className="right">{r.metrics.devices}</td>
                  <td>
                    {Object.entries(r.metrics.valueMinor)
                      .map(([c, v]) => formatMoney(v, c))
                      .join(' + ')}
                  </td>
                  <td className="right">{r.metrics.fraudDisputes}</td>
                  <td>{r.metrics.marketplaces.map((x) => MARKETPLACE_LABEL[x]).join(', ')}</td>
                  <td>{formatDate(r.metrics.firstSeen)}</td>
                  <td>{formatDate(r.metrics.lastSeen)}</td>
                  <td className="right">{r.metrics.peak24h}</td>
                  <td>{Object.keys(r.keys).join(', ')}</td>
                  <td>{r.mark ? <span className={`status mark-${r.mark.status}`}>{r.mark.status.replace('-', ' ')}</span> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rings.length > shownRows && (
            <p className="muted">
              Showing {formatCount(shownRows)} of {formatCount(rings.length)} rings.{' '}
              <button className="link" onClick={() => setShownRows((n) => n + PAGE)}>
                Show {formatCount(Math.min(PAGE, rings.length - shownRows))} more
              </button>
            </p>
          )}
          {overview.hubs.length > 0 && (
            <details className="panel wide">
              <summary>Hubs held back from linking ({overview.hubs.length})</summary>
              <table className="history" aria-label="Hubs">
                <thead>
                  <tr>
                    <th>Key</th>
                    <th>Value</th>
                    <th className="right">Customers</th>
                    <th className="right">Orders</th>
                    <th>Why</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {overview.hubs.slice(0, 200).map((h) => (
                    <tr key={h.key}>
                      <td>{h.type}</td>
                      <td>{h.value}</td>
                      <td className="right">{h.customers}</td>
                      <td className="right">{h.orders}</td>
                      <td>{h.reason === 'marked' ? 'collection point or forwarder' : 'shared by many customers'}</td>
                      <td>
                        {!h.allowed && (
                          <button className="link" onClick={() => setAllowing({ type: h.type, value: h.value })}>
                            allow linking…
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {allowing && (
            <form
              className="confirm"
              aria-label="Allow a hub to link"
              onSubmit={async (e) => {
                e.preventDefault();
                try {
                  await cache.addLinkOverride(allowing.type, allowing.value, 'allow', allowReason);
                } catch (err) {
                  setError((err as Error).message);
                  return;
                }
                setAllowing(null);
                setAllowReason('');
                await relink(open?.id ?? null);
              }}
            >
              <p>
                Let {allowing.type} <strong>{allowing.value}</strong> link orders although many customers share it.
              </p>
              <input aria-label="Reason for allowing" value={allowReason} onChange={(e) => setAllowReason(e.target.value)} size={50} />
              <button type="submit" className="primary" disabled={!allowReason.trim()}>
                Allow
              </button>
              <button type="button" onClick={() => setAllowing(null)}>
                Cancel
              </button>
            </form>
          )}
          <OverridesPanel
            overrides={overrides}
            onUndo={async (id) => {
              try {
                await cache.revokeLinkOverride(id, 'undone from the overrides list');
              } catch (err) {
                setError((err as Error).message);
                return;
              }
              await relink(open?.id ?? null);
            }}
          />
        </>
      )}
    </section>
  );
}
