// A laptop's own records as team events, and teammates' events read back as the team's decisions:
// which case each is about, what stands per device, and where two analysts disagree on an order.
// Notes never travel: the server's log cannot be erased, and a note can hold a customer's details.
import { z } from 'zod';
import { DECISIONS, type DecisionEntry, type OrderDecision } from '../decisions/chain';
import { decisionThatStands } from '../decisions/standing';
import type { TeamEvent, TeamEventInput } from './events';

/** A local decision-log entry as a team event: what was decided, by whom, when; the log seq ties undos to what they undo. */
export function decisionEventInput(entry: DecisionEntry, id: string): TeamEventInput {
  return {
    id,
    kind: 'decision',
    analyst: entry.analyst,
    at: entry.at,
    payload: {
      orderKey: entry.orderKey,
      decision: entry.decision,
      reasonCode: entry.reasonCode,
      score: entry.score,
      matrixVersion: entry.matrixVersion,
      logSeq: entry.seq,
      undoes: entry.undoes,
    },
  };
}

/** What a ring verdict says to the team (not its note). */
export interface RingVerdictFacts {
  id: number;
  ringId: string;
  status: 'confirmed-fraud' | 'benign' | 'needs-review' | 'note';
  orderKeys?: string[];
  analyst: string;
  createdAt: number;
}

export function ringVerdictEventInput(mark: RingVerdictFacts, id: string): TeamEventInput {
  return {
    id,
    kind: 'ring-verdict',
    analyst: mark.analyst,
    at: mark.createdAt,
    payload: { ringId: mark.ringId, status: mark.status, orderKeys: mark.orderKeys ?? null, markId: mark.id },
  };
}

const decisionPayload = z.object({
  orderKey: z.string().min(1).max(300),
  decision: z.enum(DECISIONS),
  reasonCode: z.string().max(200),
  logSeq: z.int().min(1),
  undoes: z.int().min(1).nullable(),
});
const ringVerdictPayload = z.object({ ringId: z.string().min(1).max(300), status: z.enum(['confirmed-fraud', 'benign', 'needs-review', 'note']) });

/** The case an event is about, for lookups: 'order:<key>', 'ring:<id>', or '' for the rest (and for payloads that do not parse). */
export function subjectOf(e: Pick<TeamEvent, 'kind' | 'payload'>): string {
  if (e.kind === 'decision') {
    const p = decisionPayload.safeParse(e.payload);
    return p.success ? `order:${p.data.orderKey}` : '';
  }
  if (e.kind === 'ring-verdict') {
    const p = ringVerdictPayload.safeParse(e.payload);
    return p.success ? `ring:${p.data.ringId}` : '';
  }
  return '';
}

/** A decision as the team sees it: who, on which laptop, when. */
export interface TeamDecision {
  deviceId: string;
  analyst: string;
  at: number;
  orderKey: string;
  decision: (typeof DECISIONS)[number];
  reasonCode: string;
  /** The seq in the deciding laptop's own log (undos name it). */
  seq: number;
  undoes: number | null;
}

/** A pulled decision event's facts, or null when its payload is not a decision's. */
export function teamDecisionOf(e: Pick<TeamEvent, 'kind' | 'payload' | 'deviceId' | 'analyst' | 'at'>): TeamDecision | null {
  if (e.kind !== 'decision') return null;
  const p = decisionPayload.safeParse(e.payload);
  if (!p.success) return null;
  const { logSeq, ...rest } = p.data;
  return { ...rest, seq: logSeq, deviceId: e.deviceId, analyst: e.analyst, at: e.at };
}

export type StandingTeamDecision = TeamDecision & { decision: OrderDecision };

/** Per order, the decision that stands on each laptop (its own undos applied), oldest first. */
export function standingPerDevice(decisions: readonly TeamDecision[]): Map<string, StandingTeamDecision[]> {
  const byDevice = new Map<string, TeamDecision[]>();
  for (const d of decisions) byDevice.set(d.deviceId, [...(byDevice.get(d.deviceId) ?? []), d]);
  const out = new Map<string, StandingTeamDecision[]>();
  for (const list of byDevice.values()) {
    for (const [orderKey, stands] of decisionThatStands([...list].sort((a, b) => a.seq - b.seq))) {
      out.set(orderKey, [...(out.get(orderKey) ?? []), stands]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

export interface DecisionConflict {
  orderKey: string;
  /** Each laptop's standing decision, oldest first; the later one counts until a lead resolves it. */
  decisions: StandingTeamDecision[];
}

/** Orders on which the standing decisions of two or more laptops differ (hold on one, release on another). */
export function decisionConflicts(decisions: readonly TeamDecision[]): DecisionConflict[] {
  const out: DecisionConflict[] = [];
  for (const [orderKey, standing] of standingPerDevice(decisions)) {
    if (new Set(standing.map((d) => d.decision)).size > 1) out.push({ orderKey, decisions: standing });
  }
  return out.sort((a, b) => a.orderKey.localeCompare(b.orderKey));
}
