// How the team's decisions read in Review: who did what to an order, when, and a lead's resolution
// with the decisions it settled ("Ana Weber released it, Ben Ito held it; resolved by Lea Roth: hold").
import { showDateTime } from '../../../../shared/domain/money';
import type { TeamDecision, TeamStanding } from '../../core/contract';

/** A teammate's decision or claim time in UTC, as the decision log and every other time in the app: not this laptop's zone. */
export const when = (at: number) => `${showDateTime(at)} UTC`;
export const VERB: Record<string, string> = { hold: 'held', release: 'released', cancel: 'cancelled', note: 'noted', undo: 'undid a decision on' };

export function who(d: TeamDecision): string {
  return `${d.analyst} ${VERB[d.decision] ?? d.decision} it${d.reasonCode ? ` (${d.reasonCode})` : ''} · ${when(d.at)} · laptop ${d.deviceId.slice(0, 8)}`;
}

export function resolutionText(s: Pick<TeamStanding<TeamDecision>, 'settled' | 'resolution'>): string {
  const r = s.resolution!;
  const history = s.settled.map((d) => `${d.analyst} ${VERB[d.decision] ?? d.decision} it`).join(', ');
  return `${history ? `${history}; ` : ''}resolved by ${r.analyst}: ${r.decision}${r.reasonCode ? ` (${r.reasonCode})` : ''} · ${when(r.at)}`;
}

export const isLead = (role: string | undefined) => role === 'lead' || role === 'admin';
