// Ring verdicts across the team: this laptop's and the verdicts pulled from teammates' chains, one
// history per ring, where the latest verdict stands for the team (issue 15: "the latest wins, with
// full history shown"). Notes on rings stay on their laptop; only verdicts travel.
import { parseCasePayload } from './casePayloads';
import type { PulledEvent } from './messages';

export type RingVerdictStatus = 'confirmed-fraud' | 'benign' | 'needs-review';

/** A verdict as the ring's history shows it; `deviceId` is set for a teammate's, null for this laptop's. */
export interface TeamRingVerdict {
  ringId: string;
  status: RingVerdictStatus;
  analyst: string;
  at: number;
  deviceId: string | null;
}

/** Teammates' verdicts from pulled events (notes and payloads that do not read as a verdict are left out). */
export function teammateRingVerdicts(events: readonly Pick<PulledEvent, 'kind' | 'payload' | 'analyst' | 'at' | 'deviceId'>[]): TeamRingVerdict[] {
  const out: TeamRingVerdict[] = [];
  for (const e of events) {
    if (e.kind !== 'ring-verdict') continue;
    const read = parseCasePayload(e);
    if (!read.ok || read.record.kind !== 'ring-verdict' || read.record.payload.status === 'note') continue;
    const { ringId, status } = read.record.payload;
    out.push({ ringId, status, analyst: e.analyst, at: e.at, deviceId: e.deviceId });
  }
  return out;
}

/**
 * The order of a ring's verdicts, oldest first: by the time each analyst gave the verdict, and at
 * the same time this laptop's before a teammate's, teammates' by device, so every laptop orders
 * them alike. The rule behind both the history (below) and the ring panel's list (ringDecisions.ts).
 */
export function verdictOrder(a: Pick<TeamRingVerdict, 'at' | 'deviceId'>, b: Pick<TeamRingVerdict, 'at' | 'deviceId'>): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.deviceId === b.deviceId) return 0;
  return a.deviceId === null ? -1 : b.deviceId === null ? 1 : a.deviceId.localeCompare(b.deviceId);
}

/** One history per ring, in verdictOrder: the last entry is the verdict that stands. */
export function ringVerdictHistories(verdicts: readonly TeamRingVerdict[]): Map<string, TeamRingVerdict[]> {
  const byRing = new Map<string, TeamRingVerdict[]>();
  for (const v of verdicts) byRing.set(v.ringId, [...(byRing.get(v.ringId) ?? []), v]);
  for (const list of byRing.values()) list.sort(verdictOrder);
  return byRing;
}
