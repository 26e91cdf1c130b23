// The laptop's own append-only records as team event inputs, one builder per kind: what the team
// may read goes in the chained payload, each personal field only as a salted hash with its text
// beside (personalText.ts). Pure: the records come in as plain facts, not storage rows.
import { sha256, type DecisionEntry } from '../decisions/chain';
import type { AttachmentPurpose, AttachmentType } from '../disputes/attachments';
import type { DisputeStatus } from '../domain/dispute';
import type { KeyType } from '../normalize/linkKey';
import { canonicalJson, type Json } from './canonicalJson';
import type { TeamEventInput } from './events';
import { personalField, type PersonalText } from './personalText';
import { MAX_ERASED_EVENTS, type ErasureRegisterPart } from './casePayloads';
import { PUSH_LIMITS } from './protocol';
import { decisionEventInput } from './records';

/** Builds the personal part: each field's hash for the payload, the texts beside. */
async function personal(fields: Partial<Record<keyof PersonalText & string, { text: string; salt?: string }>>) {
  const hashes: Record<string, string | null> = {};
  const side: PersonalText = {};
  for (const [field, { text, salt }] of Object.entries(fields) as [keyof PersonalText & string, { text: string; salt?: string }][]) {
    const f = await personalField(text, salt);
    hashes[`${field}Hash`] = f.hash;
    if (f.side) side[field] = f.side;
  }
  return { hashes, side: Object.keys(side).length ? side : undefined };
}

/**
 * A decision-log entry: a note on an order is its own kind; an erasure or retention entry is
 * left to erasureEventInputs (it needs the events it blanked); the rest are decisions. A note
 * travels with the salt and hash the log already chained, so both witness the same text.
 */
export function logEntryEventInput(entry: DecisionEntry, id: string): TeamEventInput {
  // Form-1 entries chained the note itself: their note cannot be erased later, so it stays home.
  const salted = entry.form === 2 && !entry.noteErased && entry.note !== '' && entry.noteSalt !== undefined && entry.noteHash !== undefined;
  const noteHash = salted ? entry.noteHash! : null;
  const side: PersonalText | undefined = salted ? { note: { salt: entry.noteSalt!, text: entry.note } } : undefined;
  if (entry.decision === 'note' && entry.orderKey) {
    return { id, kind: 'note', analyst: entry.analyst, at: entry.at, payload: { orderKey: entry.orderKey, logSeq: entry.seq, noteHash }, personal: side };
  }
  const input = decisionEventInput(entry, id);
  return { ...input, payload: { ...input.payload, noteHash }, personal: side };
}

const utf8 = new TextEncoder();
const jsonBytes = (v: unknown) => utf8.encode(JSON.stringify(v)).length;
/** Room left in an erasure payload for its lists (canonical JSON of these fields is no longer than JSON.stringify's). */
const ERASURE_PAYLOAD_BUDGET = PUSH_LIMITS.maxPayloadBytes - 512;

/**
 * An erasure or retention entry as the events that carry it: the team events whose text it
 * blanked (MAX_ERASED_EVENTS per event) and, for an erasure on request, the register's record
 * (`register`: reference, orders, payments, salted hashes of linked values) for teammates' laptops
 * to erase their own copies. Each event stays within the payload limit: a large erasure goes as
 * several, each part of the register whole in itself (same reference and salt), so a laptop
 * applies each as it comes. At least one event, as before.
 */
export function erasureEventInputs(
  entry: Pick<DecisionEntry, 'seq' | 'decision' | 'analyst' | 'at'>,
  eventIds: readonly string[],
  register: ErasureRegisterPart | null,
  newId: () => string,
): TeamEventInput[] {
  const reason = entry.decision === 'retention' ? 'retention' : 'erasure';
  const payloads: { [key: string]: Json }[] = [];
  const shell = () => ({ ids: [] as string[], part: null as ErasureRegisterPart | null, size: jsonBytes({ reason, logSeq: entry.seq, eventIds: [] }) });
  let cur = shell();
  const flush = () => {
    payloads.push({ reason, logSeq: entry.seq, eventIds: cur.ids, ...(cur.part ? { register: cur.part } : {}) });
    cur = shell();
  };
  for (const id of eventIds) {
    const add = jsonBytes(id) + 1;
    if (cur.ids.length === MAX_ERASED_EVENTS || cur.size + add > ERASURE_PAYLOAD_BUDGET) flush();
    cur.ids.push(id);
    cur.size += add;
  }
  if (register && reason === 'erasure') {
    const open = () => {
      cur.part = { reference: register.reference, orderKeys: [], payments: [], salt: register.salt, linkValueHashes: [] };
      cur.size += jsonBytes(cur.part) + ',"register":'.length;
    };
    if (cur.size + jsonBytes({ ...register, orderKeys: [], payments: [], linkValueHashes: [] }) + 16 > ERASURE_PAYLOAD_BUDGET) flush();
    open();
    for (const field of ['orderKeys', 'payments', 'linkValueHashes'] as const)
      for (const v of register[field]) {
        const add = jsonBytes(v) + 1;
        if (cur.size + add > ERASURE_PAYLOAD_BUDGET) {
          flush();
          open();
        }
        cur.part![field].push(v);
        cur.size += add;
      }
  }
  flush();
  return payloads.map((payload) => ({ id: newId(), kind: 'erasure', analyst: entry.analyst, at: entry.at, payload }));
}

export interface LinkOverrideFacts {
  id: number;
  type: KeyType;
  value: string;
  action: 'allow' | 'never-link';
  reason: string;
  analyst: string;
  createdAt: number;
  revokes?: number;
}

export async function linkOverrideEventInput(o: LinkOverrideFacts, id: string): Promise<TeamEventInput> {
  const { hashes, side } = await personal({ value: { text: o.value }, reason: { text: o.reason } });
  return {
    id,
    kind: 'link-override',
    analyst: o.analyst,
    at: o.createdAt,
    payload: { overrideId: o.id, type: o.type, action: o.action, revokes: o.revokes ?? null, ...hashes },
    personal: side,
  };
}

/** One step of a dispute's (or claim's) history, as the dispute service records it. */
export interface DisputeStepFacts {
  id: number;
  disputeId: string;
  kind: 'status' | 'evidence' | 'attachment';
  status?: DisputeStatus;
  item?: string;
  checked?: boolean;
  file?: { action: 'attached' | 'removed'; attachmentId: number; type: AttachmentType; size: number; sha256: string };
  note: string;
  analyst: string;
  at: number;
}

/** The attached file's name and purpose, when the file is still on the laptop. */
export type AttachmentFacts = { name: string; purpose: AttachmentPurpose } | null;

/** A dispute step as its event, or null for a step that says nothing to share (a malformed row). */
export async function disputeStepEventInput(step: DisputeStepFacts, file: AttachmentFacts, id: string): Promise<TeamEventInput | null> {
  const base = { id, analyst: step.analyst, at: step.at };
  if (step.kind === 'status' && step.status) {
    const { hashes, side } = await personal({ note: { text: step.note } });
    return { ...base, kind: 'dispute-status', payload: { disputeId: step.disputeId, status: step.status, ...hashes }, personal: side };
  }
  if (step.kind === 'evidence' && step.item !== undefined)
    return { ...base, kind: 'evidence-change', payload: { disputeId: step.disputeId, item: step.item, checked: step.checked === true } };
  if (step.kind === 'attachment' && step.file) {
    const f = step.file;
    const { hashes, side } = await personal({ name: { text: file?.name ?? '' } });
    return {
      ...base,
      kind: 'attachment',
      payload: {
        disputeId: step.disputeId,
        action: f.action,
        attachmentId: f.attachmentId,
        type: f.type,
        purpose: file?.purpose ?? null,
        size: f.size,
        sha256: f.sha256,
        ...hashes,
      },
      personal: side,
    };
  }
  return null;
}

export interface MatrixFacts {
  version: number;
  matrix: { version: number; rules: { id: string; signal: string; atLeast: number; points: number }[]; thresholds: { review: number; hold: number } };
  analyst: string;
  savedAt: number;
  note: string;
}

export async function matrixEventInput(m: MatrixFacts, id: string): Promise<TeamEventInput> {
  const { hashes, side } = await personal({ note: { text: m.note } });
  const matrix: Json = {
    version: m.matrix.version,
    rules: m.matrix.rules.map((r) => ({ id: r.id, signal: r.signal, atLeast: r.atLeast, points: r.points })),
    thresholds: { review: m.matrix.thresholds.review, hold: m.matrix.thresholds.hold },
  };
  return { id, kind: 'scoring-matrix', analyst: m.analyst, at: m.savedAt, payload: { version: m.version, matrix, ...hashes }, personal: side };
}

export interface ReportSnapshotFacts {
  id: number;
  kind: 'fraud-trend' | 'kpi';
  title: string;
  figures: unknown;
  dataHash: string;
  createdAt: number;
  analyst: string;
  hash: string;
  logHead?: { seq: number; hash: string };
}

/** A saved report travels as what it is and hashes: the figures stay on the laptop that saved them. */
export async function reportSnapshotEventInput(s: ReportSnapshotFacts, id: string): Promise<TeamEventInput> {
  const figuresHash = await sha256(canonicalJson(JSON.parse(JSON.stringify(s.figures ?? null)) as Json));
  return {
    id,
    kind: 'report-snapshot',
    analyst: s.analyst,
    at: s.createdAt,
    payload: {
      snapshotId: s.id,
      kind: s.kind,
      title: s.title.slice(0, 300),
      figuresHash,
      dataHash: s.dataHash,
      hash: s.hash,
      logHead: s.logHead ? { seq: s.logHead.seq, hash: s.logHead.hash } : null,
    },
  };
}

export interface ExportLogFacts {
  id: number;
  at: number;
  analyst: string;
  kind: string;
  fileName: string;
  rows: number | null;
  what: string;
  logHead: { seq: number; hash: string };
}

export async function exportLogEventInput(x: ExportLogFacts, id: string): Promise<TeamEventInput> {
  const { hashes, side } = await personal({ name: { text: x.fileName }, what: { text: x.what } });
  return {
    id,
    kind: 'export-log',
    analyst: x.analyst,
    at: x.at,
    payload: { exportId: x.id, kind: x.kind, rows: x.rows, logHead: { seq: x.logHead.seq, hash: x.logHead.hash }, ...hashes },
    personal: side,
  };
}
