// The team's records where analysts look: teammates' notes on an order, their changes to a
// dispute, and their linking overrides, which this laptop applies only when its analyst says so
// (the override then becomes this laptop's own record, naming whose it was).
import {
  teammateDisputeSteps,
  teammateNotes,
  teamOverrides,
  type TeammateDisputeStep,
  type TeammateNote,
  type TeamOverride,
} from '../../../../shared/team/teammatesRecords';
import type { CoreContext } from '../context';
import type { StoredTeamEvent } from '../storage/schema';
import { TeamStore } from '../storage/teamStore';

export type TeamOverrideRow = TeamOverride & { appliedHere: boolean };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function teamCaseHandlers(ctx: CoreContext) {
  const store = new TeamStore(ctx.db);
  const withTexts = async (events: StoredTeamEvent[]) => ({ events, texts: await store.textsOf(events.map((e) => e.id)) });

  async function overrides(): Promise<TeamOverrideRow[]> {
    const { events, texts } = await withTexts(await store.pulledOfKind('link-override'));
    const local = (await ctx.rings.decisions.overrides()).filter((o) => o.active);
    return teamOverrides(events, texts).map((o) => ({
      ...o,
      appliedHere: o.value !== null && local.some((l) => l.type === o.type && l.action === o.action && same(l.value, o.value!)),
    }));
  }

  return {
    /** Notes teammates wrote on this order (on their own, or with a decision), oldest first. */
    async teammatesNotes(orderKey: string): Promise<TeammateNote[]> {
      const { events, texts } = await withTexts(await store.eventsAbout(`order:${orderKey}`));
      return teammateNotes(events, texts);
    },

    /** Teammates' status changes, evidence ticks and files on this dispute, newest first. */
    async teammatesDisputeSteps(disputeId: string): Promise<TeammateDisputeStep[]> {
      const { events, texts } = await withTexts(await store.eventsAbout(`dispute:${disputeId}`));
      return teammateDisputeSteps(events, texts);
    },

    /** Teammates' linking overrides, with whether each is taken back and whether this laptop applies it. */
    teamOverrides: overrides,

    /** Applies a teammate's override here as this analyst's own, its reason naming whose it was. */
    async applyTeamOverride(deviceId: string, overrideId: number): Promise<number> {
      const o = (await overrides()).find((x) => x.deviceId === deviceId && x.overrideId === overrideId);
      if (!o) throw new Error('That override is not among the team’s');
      if (o.revokedAt !== null) throw new Error(`${o.analyst} took that override back`);
      if (o.value === null || o.value === '') throw new Error('That override’s value was erased; it cannot be applied');
      if (o.appliedHere) throw new Error('This laptop applies that override already');
      const why = `${o.analyst}'s override${o.reason ? `: ${o.reason}` : ''}`;
      return ctx.rings.decisions.addOverride(o.type, o.value, o.action, why);
    },
  };
}

export type TeamCaseHandlers = ReturnType<typeof teamCaseHandlers>;
