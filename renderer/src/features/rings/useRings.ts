// The Rings screen's data: rings linked with the chosen options and overrides, the open ring, and
// the actions that change the linking (overrides, verdicts) and link again.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_KEY_TYPES, type LinkOptions } from '../../../../shared/linking';
import type { KeyType } from '../../../../shared/normalize';
import { cache, progress } from '../../core/client';
import type { RingDetail, RingVerdict } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { useTeam } from '../team';
import { useAsync } from '../../ui/useAsync';
import type { RingActions } from './RingDetailView';

/** Key types and strength as chosen on the screen; a hub threshold only when the analyst types a one-off one (else Settings → Rings). */
export type RingLinkOptions = Required<Pick<LinkOptions, 'keyTypes' | 'minStrength'>> & Pick<LinkOptions, 'hubThreshold'>;

export function useRings() {
  const version = useUi((s) => s.cacheVersion);
  const ringFor = useUi((s) => s.ringFor);
  const ringShown = useUi((s) => s.ringShown);
  const [options, setOptions] = useState<RingLinkOptions>({ keyTypes: DEFAULT_KEY_TYPES, minStrength: 'medium' });
  const [open, setOpen] = useState<RingDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Share of orders normalised while the key index is built or extended (null when not building). */
  const [indexing, setIndexing] = useState<number | null>(null);
  /** The ring to reopen after the next linking, if it still exists (new options or data close it). */
  const reopenRef = useRef<string | null>(null);

  const linked = useAsync(
    async () => {
      const reopen = reopenRef.current;
      reopenRef.current = null;
      const onProgress = progress((done, total) => setIndexing(done < total ? done / total : null));
      const [overview, overrides] = await Promise.all([cache.rings(options, onProgress), cache.linkOverrides()]).finally(() => setIndexing(null));
      const still = reopen !== null && overview.rings.some((r) => r.id === reopen);
      setOpen(still ? await cache.ringDetail(reopen) : null);
      if (reopen !== null && !still) setNotice('The ring you had open is not a ring with these linking options.');
      return { overview, overrides };
    },
    [version, options],
    { keepStale: true },
  );
  const { setValue, reload, run } = linked;

  // New data clears the screen; new linking options keep the old rings on screen until the new ones are in.
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    setValue(null);
  }, [version, setValue]);

  /** Links again with the current overrides and reopens `reopen` if it still exists. */
  const relink = (reopen: string | null) => {
    reopenRef.current = reopen;
    return reload();
  };

  // Signed in to a team, each sync round may bring a teammate's verdict, and the latest verdict
  // stands: re-read the verdicts (cheap) instead of linking again, and show them in the list.
  const teamSyncAt = useTeam((s) => (s.status?.signedIn ? s.status.lastSyncAt : null));
  // A round that brought no new verdict gives an equal map: the old one is kept, so the list of
  // rings is not drawn again every few seconds for nothing.
  const keptVerdicts = useRef<Awaited<ReturnType<typeof cache.ringVerdicts>> | null>(null);
  const teamVerdicts =
    useAsync(
      () =>
        teamSyncAt === null
          ? null
          : cache.ringVerdicts().then((read) => {
              if (keptVerdicts.current && JSON.stringify(read) === JSON.stringify(keptVerdicts.current)) return keptVerdicts.current;
              keptVerdicts.current = read;
              return read;
            }),
      [teamSyncAt, linked.value],
    ).value ?? null;
  // The open ring shows the verdicts a sync round brought too, not only the list: its detail is
  // read again when the verdicts changed (not when a ring is opened, which reads it anyway).
  const openId = open?.id ?? null;
  const verdictsShown = useRef(teamVerdicts);
  useEffect(() => {
    if (verdictsShown.current === teamVerdicts) return;
    verdictsShown.current = teamVerdicts;
    if (openId === null) return;
    let live = true;
    cache
      .ringDetail(openId)
      .then((detail) => {
        if (live) setOpen((shown) => (shown?.id === openId ? detail : shown));
      })
      // A ring gone since (new data) is closed by the next linking; until then the open one stays.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [teamVerdicts, openId]);
  const linkedOverview = linked.value?.overview ?? null;
  const overview = useMemo(
    () =>
      linkedOverview && teamVerdicts
        ? { ...linkedOverview, rings: linkedOverview.rings.map((r) => ({ ...r, mark: teamVerdicts[r.id] ?? null })) }
        : linkedOverview,
    [linkedOverview, teamVerdicts],
  );
  // "Show its ring" from an order: open that order's ring once the rings are computed.
  useEffect(() => {
    if (!overview || !ringFor) return;
    ringShown();
    void (async () => {
      const id = await cache.ringOf(ringFor);
      if (id) setOpen(await cache.ringDetail(id));
      else setNotice(`Order ${orderKeyLabel(ringFor)} is not in any ring with these linking options.`);
    })();
  }, [overview, ringFor, ringShown]);

  const ringActions = (ring: RingDetail): RingActions => ({
    neverLink: async (type, value, reason) => {
      await cache.addLinkOverride(type, value, 'never-link', reason);
      await relink(ring.id);
    },
    mark: async (status: RingVerdict, note) => {
      await cache.markRing(ring.id, status, note);
      await relink(ring.id);
    },
    expand: (nodeId, known) => cache.ringExpand(nodeId, known),
  });

  return {
    overview,
    indexing,
    overrides: linked.value?.overrides ?? [],
    error: linked.error,
    busy: linked.busy,
    notice,
    options,
    /** New linking options keep the open ring open when it is still a ring (it may have gained or lost orders). */
    setOptions: (next: RingLinkOptions) => {
      reopenRef.current = open?.id ?? null;
      setNotice(null);
      setOptions(next);
    },
    open,
    openRing: (id: string) => void run(async () => setOpen(await cache.ringDetail(id))),
    closeRing: () => setOpen(null),
    ringActions,
    /** Lets a hub link; resolves true once the override is kept (the rings are then linked again). */
    allowHub: async (type: KeyType, value: string, reason: string): Promise<boolean> => {
      const kept = await run(() => cache.addLinkOverride(type, value, 'allow', reason));
      if (kept === undefined) return false;
      void relink(open?.id ?? null);
      return true;
    },
    /** Makes a teammate's override this laptop's own, then links again. */
    applyTeamOverride: (deviceId: string, overrideId: number) =>
      run(async () => {
        await cache.applyTeamOverride(deviceId, overrideId);
        await relink(open?.id ?? null);
      }),
    undoOverride: (id: number) =>
      run(async () => {
        await cache.revokeLinkOverride(id, 'undone from the overrides list');
        await relink(open?.id ?? null);
      }),
  };
}
