// The Rings room: linking, a ring's detail and graph, never-link overrides and ring verdicts.
import type { HubRule, HubRules, LinkOptions } from '../../../../shared/linking';
import type { KeyType } from '../../../../shared/normalize';
import { savingOrDiskFull } from '../storage/diskFull';
import type { RingMarkRecord } from '../storage/schema';
import type { CoreContext, ProgressFn } from '../context';
import type { OverrideEntry } from './ringDecisions';
import type { GraphExpansion, RingDetail, RingsOverview } from './ringService';

export type RingVerdict = RingMarkRecord['status'];

export function ringsHandlers(ctx: CoreContext) {
  const rings = ctx.rings;
  return {
    /** `onProgress`: orders normalised of those to normalise, while the key index is built or extended. */
    async rings(options: Omit<LinkOptions, 'overrides'> = {}, onProgress?: ProgressFn): Promise<RingsOverview> {
      // After a start the kept key index is read while the cache opens, not after it.
      rings.prefetchKept();
      await ctx.ready();
      return rings.compute(options, onProgress);
    },

    /**
     * The screen the window opens first, told at start: Rings and Review link every order, so the
     * kept key index is read while the cache opens and the window's code loads, not after.
     */
    firstScreen(screen: string): void {
      if (screen === 'rings' || screen === 'review') rings.prefetchKept();
    },

    ringDetail: (id: string): Promise<RingDetail> => rings.detail(id),

    ringExpand: (nodeId: string, known: string[]): Promise<GraphExpansion> => rings.expand(nodeId, known),

    ringOf: (orderKey: string): string | null => rings.ringOf(orderKey),

    /** When a value shared by many identities is held back as a hub, per key type. */
    hubRules: (): Promise<Record<KeyType, HubRule>> => rings.hubRules(),

    saveHubRules: (r: HubRules): Promise<Record<KeyType, HubRule>> => savingOrDiskFull('the hub rules', () => rings.saveHubRules(r)),

    linkOverrides: (): Promise<OverrideEntry[]> => rings.decisions.overrides(),

    addLinkOverride(type: KeyType, value: string, action: 'allow' | 'never-link', reason: string): Promise<number> {
      return savingOrDiskFull('the link override', () => rings.decisions.addOverride(type, value, action, reason));
    },

    revokeLinkOverride(id: number, reason: string): Promise<void> {
      return savingOrDiskFull('the undo of the link override', () => rings.decisions.revokeOverride(id, reason));
    },

    /** The verdict that stands per ring now (this laptop's or a teammate's, the latest): the list follows team sync without linking again. */
    async ringVerdicts(): Promise<Record<string, RingMarkRecord>> {
      return Object.fromEntries(await rings.verdicts());
    },

    markRing(ringId: string, status: RingVerdict, note: string): Promise<void> {
      const orderKeys = rings.lastRings().find((r) => r.id === ringId)?.orderKeys;
      return savingOrDiskFull(status === 'note' ? 'the note on the ring' : 'the verdict on the ring', () =>
        rings.decisions.markRing(ringId, status, note, orderKeys),
      );
    },
  };
}

export type RingsHandlers = ReturnType<typeof ringsHandlers>;
