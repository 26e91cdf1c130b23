// The team's decisions as this laptop knows them: its own decision log (under its team device id)
// and the teammates' decisions and resolutions pulled from verified chains. What Review's conflicts
// and the reports read; shared/team/standing.ts decides which of them stands.
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { teamDecisionOf, type TeamDecision } from '../../../../shared/team/records';
import type { DecisionLog } from '../storage/decisionLog';
import type { TeamStore } from '../storage/teamStore';

/** The device id this laptop's entries carry before it ever joined a team (nothing was pushed, so nothing can clash with it). */
export const THIS_LAPTOP = 'this-laptop';

export function ownTeamDecision(e: DecisionEntry, deviceId: string): TeamDecision {
  return {
    deviceId,
    analyst: e.analyst,
    at: e.at,
    orderKey: e.orderKey,
    decision: e.decision,
    reasonCode: e.reasonCode,
    seq: e.seq,
    undoes: e.undoes,
    settles: e.settles?.length ? e.settles : null,
  };
}

export interface TeamDecisions {
  decisions: TeamDecision[];
  /** This laptop's device id (THIS_LAPTOP before it joined a team). */
  deviceId: string;
  /** How many came from teammates, and from how many laptops. */
  pulled: number;
  laptops: number;
}

export async function readTeamDecisions(log: DecisionLog, store: TeamStore): Promise<TeamDecisions> {
  const [entries, deviceId, decided, resolved] = await Promise.all([
    log.entries(),
    store.get('deviceId'),
    store.pulledOfKind('decision'),
    store.pulledOfKind('resolution'),
  ]);
  const events = [...decided, ...resolved].sort((a, b) => a.serverSeq - b.serverSeq);
  const pulled = events.map(teamDecisionOf).filter((d): d is TeamDecision => d !== null);
  const own = deviceId ?? THIS_LAPTOP;
  return {
    decisions: [...entries.map((e) => ownTeamDecision(e, own)), ...pulled],
    deviceId: own,
    pulled: pulled.length,
    laptops: new Set(pulled.map((d) => d.deviceId)).size,
  };
}
