// A laptop's own records as team events, and teammates' events read back as the team's decisions:
// which case each is about, what stands per device, and where two analysts disagree on an order.
// Notes never travel: the server's log cannot be erased, and a note can hold a customer's details.
import { z } from 'zod';
import { DECISIONS, isOrderDecision, type DecisionEntry, type DecisionRef } from '../decisions/chain';
import type { TeamEvent, TeamEventInput } from './events';

/**
 * A local decision-log entry as a team event: what was decided, by whom, when; the log seq ties
 * undos to what they undo. A lead's resolution travels as its own kind, which the server takes
 * from leads and admins only, and names the decisions it settles.
 */
export function decisionEventInput(entry: DecisionEntry, id: string): TeamEventInput {
  return {
    id,
    kind: entry.settles?.length ? 'resolution' : 'decision',
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
      ...(entry.settles?.length ? { settles: entry.settles.map((r) => ({ deviceId: r.deviceId, seq: r.seq })) } : {}),
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
  settles: z
    .array(z.object({ deviceId: z.string().min(1).max(100), seq: z.int().min(1) }))
    .min(1)
    .max(10_000)
    .optional(),
});
const ringVerdictPayload = z.object({ ringId: z.string().min(1).max(300), status: z.enum(['confirmed-fraud', 'benign', 'needs-review', 'note']) });

/** The case an event is about, for lookups: 'order:<key>', 'ring:<id>', or '' for the rest (and for payloads that do not parse). */
export function subjectOf(e: Pick<TeamEvent, 'kind' | 'payload'>): string {
  if (e.kind === 'decision' || e.kind === 'resolution') {
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
  /** For a lead's resolution: the decisions it settles; null for any other decision. */
  settles: DecisionRef[] | null;
}

/**
 * A pulled decision or resolution event's facts, or null when its payload is not a decision's.
 * Only a resolution event settles anything: the server takes those from leads alone, so a list of
 * settled decisions inside an analyst's decision event is ignored, and a resolution must hold one.
 */
export function teamDecisionOf(e: Pick<TeamEvent, 'kind' | 'payload' | 'deviceId' | 'analyst' | 'at'>): TeamDecision | null {
  if (e.kind !== 'decision' && e.kind !== 'resolution') return null;
  const p = decisionPayload.safeParse(e.payload);
  if (!p.success) return null;
  const { logSeq, settles, ...rest } = p.data;
  if (e.kind === 'resolution' && (!settles || !isOrderDecision(rest.decision))) return null;
  return { ...rest, seq: logSeq, deviceId: e.deviceId, analyst: e.analyst, at: e.at, settles: e.kind === 'resolution' ? (settles ?? null) : null };
}
