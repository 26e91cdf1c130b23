// Team events: the append-only records a laptop shares (decisions, verdicts, notes, overrides,
// dispute changes, matrix versions, snapshots, export-log entries), each chained to the one
// before it from the same device, so the server can witness every device's chain.
import { z } from 'zod';
import { GENESIS, sha256, type LogHead } from '../decisions/chain';
import { canonicalJson, type Json } from './canonicalJson';
import { personalTextSchema, type PersonalText } from './personalText';
import { PUSH_LIMITS, TEAM_SCHEMA_VERSION } from './protocol';

export const EVENT_KINDS = [
  'decision',
  'ring-verdict',
  'note',
  'link-override',
  'dispute-status',
  'evidence-change',
  'attachment',
  'scoring-matrix',
  'report-snapshot',
  'export-log',
  'erasure',
  // A lead's decision on an order two laptops decided differently (a decision that names the ones it settles).
  'resolution',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The head of a device that has pushed nothing. */
export const GENESIS_HEAD: LogHead = Object.freeze({ seq: 0, hash: GENESIS });

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

/**
 * The envelope the server checks. The payload is the record itself; the server keeps it as the
 * text it hashes and never reads inside it, so each kind's payload is parsed by the laptop's
 * store that applies it.
 */
export const teamEventSchema = z.strictObject({
  id: z.uuid(),
  deviceId: z.uuid(),
  seq: z.int().min(1),
  prevHash: hex64,
  hash: hex64,
  kind: z.enum(EVENT_KINDS),
  payload: z.record(z.string(), z.json()),
  analyst: z.string().min(1).max(80),
  at: z.int().min(0),
  // Any version parses, so an old one can be told to update (426) rather than called malformed.
  schemaVersion: z.int().min(0),
  /** Personal text beside the event, outside its hash (personalText.ts): absent when none, or erased. */
  personal: personalTextSchema.optional(),
});
export type TeamEvent = z.infer<typeof teamEventSchema>;

/** What a laptop records before the chain numbers it. */
export interface TeamEventInput {
  id: string;
  kind: EventKind;
  payload: { [key: string]: Json };
  analyst: string;
  at: number;
  /** Text kept beside the event, never chained (personalText.ts). */
  personal?: PersonalText;
}

/** Field order is fixed by this array, and the payload is canonical, so the same event always hashes the same. */
function hashedText(e: Omit<TeamEvent, 'hash'>): string {
  return canonicalJson(['team-event', e.schemaVersion, e.id, e.deviceId, e.seq, e.prevHash, e.kind, e.analyst, e.at, e.payload as Json]);
}

export function teamEventHash(e: Omit<TeamEvent, 'hash'>): Promise<string> {
  return sha256(hashedText(e));
}

/** The payload as the server stores and serves it (canonical JSON). */
export function payloadText(e: Pick<TeamEvent, 'payload'>): string {
  return canonicalJson(e.payload as Json);
}

export function payloadBytes(e: Pick<TeamEvent, 'payload'>): number {
  return new TextEncoder().encode(payloadText(e)).length;
}

export const PAYLOAD_TOO_LARGE = `a payload may hold at most ${PUSH_LIMITS.maxPayloadBytes} bytes`;

/** The next event of a device's chain after `head` ({seq: 0, hash: GENESIS} for a new device). */
export async function chainTeamEvent(input: TeamEventInput, deviceId: string, head: LogHead): Promise<TeamEvent> {
  const body: Omit<TeamEvent, 'hash'> = {
    id: input.id,
    deviceId,
    seq: head.seq + 1,
    prevHash: head.seq > 0 ? head.hash : GENESIS,
    kind: input.kind,
    payload: input.payload,
    analyst: input.analyst,
    at: input.at,
    schemaVersion: TEAM_SCHEMA_VERSION,
  };
  return { ...body, hash: await teamEventHash(body) };
}

export async function chainTeamEvents(inputs: readonly TeamEventInput[], deviceId: string, head: LogHead): Promise<TeamEvent[]> {
  const out: TeamEvent[] = [];
  let prev = head;
  for (const input of inputs) {
    const e = await chainTeamEvent(input, deviceId, prev);
    out.push(e);
    prev = { seq: e.seq, hash: e.hash };
  }
  return out;
}

/** Why an event cannot follow a device's head, or null when it extends it. */
export function chainBreak(e: Pick<TeamEvent, 'seq' | 'prevHash' | 'deviceId'>, head: LogHead): { code: 'rewrite' | 'gap' | 'fork'; reason: string } | null {
  if (e.seq <= head.seq)
    return {
      code: 'rewrite',
      reason: `device ${e.deviceId} already has event ${e.seq} (its chain is at ${head.seq}): an event with another id or content would rewrite it`,
    };
  if (e.seq > head.seq + 1)
    return { code: 'gap', reason: `device ${e.deviceId} is at event ${head.seq}, so the next is ${head.seq + 1}, not ${e.seq}: events are missing before it` };
  if (e.prevHash !== (head.seq > 0 ? head.hash : GENESIS))
    return { code: 'fork', reason: `event ${e.seq} of device ${e.deviceId} does not chain to the device's event ${head.seq}: its chain forked` };
  return null;
}

export type TeamChainVerdict = { ok: true; head: LogHead } | { ok: false; seq: number; reason: string };

/** Checks that events continue one device's chain after `from`, each hash matching its content. */
export async function verifyTeamChain(events: readonly TeamEvent[], from: LogHead = { seq: 0, hash: GENESIS }): Promise<TeamChainVerdict> {
  let head = from;
  for (const e of events) {
    const broken = chainBreak(e, head);
    if (broken) return { ok: false, seq: e.seq, reason: broken.reason };
    if ((await teamEventHash(e)) !== e.hash)
      return { ok: false, seq: e.seq, reason: `event ${e.seq} of device ${e.deviceId} was changed after it was written` };
    head = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, head };
}
