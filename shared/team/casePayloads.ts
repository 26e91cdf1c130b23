// What each kind of team event says, as one zod schema per kind: the server parses a pushed
// event's payload with it (400 when it does not fit) and a laptop parses a pulled one (the device
// is kept out when it does not), so no reader ever meets a payload it did not check.
import { z } from 'zod';
import { DECISIONS, ORDER_DECISIONS } from '../decisions/chain';
import { ATTACHMENT_PURPOSES, ATTACHMENT_TYPES } from '../disputes/attachments';
import { DISPUTE_STATUSES } from '../domain/dispute';
import { KEY_TYPES } from '../normalize/linkKey';
import type { EventKind, TeamEvent } from './events';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
/** A personal field's salted hash, or null when the field was empty or erased before it was sent. */
const textHash = hex64.nullable();
const key = z.string().min(1).max(300);
const localId = z.int().min(1);
const head = z.strictObject({ seq: z.int().min(0), hash: z.string().max(64) });

/**
 * What an erasure on request reached, as its register keeps it (ErasureRecord): the request's
 * reference, the orders (source:externalId) and payments, and the linked values as salted hashes.
 */
export const erasureRegisterPart = z.strictObject({
  reference: z.string().trim().min(1).max(200),
  orderKeys: z.array(key),
  payments: z.array(key),
  salt: z.string().regex(/^[0-9a-f]{32}$/, 'a 128-bit salt in lower-case hex'),
  linkValueHashes: z.array(hex64),
});
export type ErasureRegisterPart = z.infer<typeof erasureRegisterPart>;

/** Events one erasure may name; an erasure of more goes as several. */
export const MAX_ERASED_EVENTS = 2000;

/** Payloads stay open (z.object) so a newer laptop may add a field an older one ignores. */
export const PAYLOADS = {
  decision: z.object({
    orderKey: z.string().max(300),
    decision: z.enum(DECISIONS),
    reasonCode: z.string().max(200),
    logSeq: localId,
    undoes: localId.nullable(),
    noteHash: textHash.optional(),
  }),
  /** A lead's decision on an order the team decided differently, naming what it settles (device, log seq). */
  resolution: z.object({
    orderKey: key,
    decision: z.enum(ORDER_DECISIONS),
    reasonCode: z.string().max(200),
    logSeq: localId,
    undoes: z.null(),
    settles: z
      .array(z.object({ deviceId: z.string().min(1).max(100), seq: localId }))
      .min(1)
      .max(10_000),
    noteHash: textHash.optional(),
  }),
  'ring-verdict': z.object({ ringId: key, status: z.enum(['confirmed-fraud', 'benign', 'needs-review', 'note']), markId: localId.optional() }),
  /** A note on an order (a decision-log entry of kind note): its text beside the event. */
  note: z.object({ orderKey: key, logSeq: localId, noteHash: textHash }),
  /** Allow or never link one value; `revokes` takes back this device's override `overrideId` named. */
  'link-override': z.object({
    overrideId: localId,
    type: z.enum(KEY_TYPES),
    action: z.enum(['allow', 'never-link']),
    revokes: localId.nullable(),
    valueHash: textHash,
    reasonHash: textHash,
  }),
  /** A dispute's (or refund claim's, `claim:<id>`) status change, with its reason beside it. */
  'dispute-status': z.object({ disputeId: key, status: z.enum(DISPUTE_STATUSES), noteHash: textHash }),
  'evidence-change': z.object({ disputeId: key, item: z.string().min(1).max(200), checked: z.boolean() }),
  /** A file attached to or removed from a dispute: its metadata and content hash; the bytes stay on the laptop. */
  attachment: z.object({
    disputeId: key,
    action: z.enum(['attached', 'removed']),
    attachmentId: localId,
    type: z.enum(ATTACHMENT_TYPES),
    purpose: z.enum(ATTACHMENT_PURPOSES).nullable(),
    size: z.int().min(0),
    sha256: hex64,
    nameHash: textHash,
  }),
  'scoring-matrix': z.object({
    version: localId,
    matrix: z.object({
      version: z.int().min(0),
      rules: z.array(z.object({ id: z.string().max(100), signal: z.string().max(100), atLeast: z.number(), points: z.number() })).max(500),
      thresholds: z.object({ review: z.number(), hold: z.number() }),
    }),
    noteHash: textHash,
  }),
  /** A saved report: what it is and the hashes of its figures and data; the figures stay on the laptop. */
  'report-snapshot': z.object({
    snapshotId: localId,
    kind: z.enum(['fraud-trend', 'kpi']),
    title: z.string().max(300),
    figuresHash: hex64,
    dataHash: z.string().max(64),
    hash: z.string().max(64),
    logHead: head.nullable(),
  }),
  /** A file the app wrote: its kind and rows; its name and description beside it. */
  'export-log': z.object({
    exportId: localId,
    kind: z.string().min(1).max(40),
    rows: z.int().min(0).nullable(),
    logHead: head,
    nameHash: textHash,
    whatHash: textHash,
  }),
  /**
   * Personal data erased (on request, or by age): the events whose text beside them goes everywhere,
   * and (an erasure on request) what a teammate's laptop needs to erase its own copies: the register
   * record's orders, payments and salted hashes of the linked values, never a value in clear. Events
   * of older laptops have no `register`; a large erasure spreads it over several events.
   */
  erasure: z.object({
    reason: z.enum(['erasure', 'retention']),
    logSeq: localId,
    eventIds: z.array(z.uuid()).max(MAX_ERASED_EVENTS),
    register: erasureRegisterPart.optional(),
  }),
} as const satisfies Record<EventKind, z.ZodType>;

export type PayloadOf<K extends EventKind> = z.infer<(typeof PAYLOADS)[K]>;
export type CaseRecord = { [K in EventKind]: { kind: K; payload: PayloadOf<K> } }[EventKind];

/** A payload read with its kind's schema, or why it does not fit. */
export function parseCasePayload(e: Pick<TeamEvent, 'kind' | 'payload'>): { ok: true; record: CaseRecord } | { ok: false; reason: string } {
  const parsed = PAYLOADS[e.kind].safeParse(e.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `its ${e.kind} payload does not fit (${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'unknown'})` };
  }
  return { ok: true, record: { kind: e.kind, payload: parsed.data } as CaseRecord };
}

/** The case an event is about, for lookups: 'order:<key>', 'ring:<id>', 'dispute:<id>', or the kind's list. */
export function caseSubject(e: Pick<TeamEvent, 'kind' | 'payload'>): string {
  const read = parseCasePayload(e);
  if (!read.ok) return '';
  const r = read.record;
  switch (r.kind) {
    case 'decision':
      return r.payload.orderKey ? `order:${r.payload.orderKey}` : '';
    case 'note':
    case 'resolution':
      return `order:${r.payload.orderKey}`;
    case 'ring-verdict':
      return `ring:${r.payload.ringId}`;
    case 'dispute-status':
    case 'evidence-change':
    case 'attachment':
      return `dispute:${r.payload.disputeId}`;
    case 'link-override':
      return 'overrides';
    case 'scoring-matrix':
      return 'matrices';
    case 'report-snapshot':
      return 'reports';
    case 'export-log':
      return 'exports';
    case 'erasure':
      return 'erasures';
    default: {
      const never: never = r;
      return never;
    }
  }
}
