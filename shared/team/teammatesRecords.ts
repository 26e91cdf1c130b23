// Teammates' records read back for the screens: notes on an order, a dispute's status changes and
// evidence, and linking overrides with their revocations folded in. Pure: pulled events and the
// text beside them in, plain facts out; an erased text reads as erased, never as empty.
import type { DisputeStatus } from '../domain/dispute';
import type { KeyType } from '../normalize/linkKey';
import { parseCasePayload } from './casePayloads';
import type { PulledEvent } from './messages';
import { personalTextOf, type PersonalText } from './personalText';

type Pulled = Pick<PulledEvent, 'id' | 'kind' | 'payload' | 'deviceId' | 'analyst' | 'at' | 'serverSeq'>;
type Texts = ReadonlyMap<string, PersonalText>;

/** A text that travelled, or null when it was erased (its hash is chained, its text gone). */
function textOrErased(hash: string | null | undefined, personal: PersonalText | undefined, field: 'note' | 'value' | 'reason' | 'name'): string | null {
  if (!hash) return '';
  const text = personalTextOf(personal, field);
  return text === '' ? null : text;
}

export interface TeammateNote {
  eventId: string;
  deviceId: string;
  analyst: string;
  at: number;
  /** The decision the note came with ('note' for a note on its own). */
  decision: string;
  /** null: erased. */
  text: string | null;
}

/** Notes teammates wrote on one order (notes, and decisions with a note), oldest first. */
export function teammateNotes(events: readonly Pulled[], texts: Texts): TeammateNote[] {
  const out: TeammateNote[] = [];
  for (const e of events) {
    const read = parseCasePayload(e);
    if (!read.ok) continue;
    const r = read.record;
    const hash = r.kind === 'note' ? r.payload.noteHash : r.kind === 'decision' ? r.payload.noteHash : undefined;
    if (!hash) continue;
    const decision = r.kind === 'decision' ? r.payload.decision : 'note';
    out.push({ eventId: e.id, deviceId: e.deviceId, analyst: e.analyst, at: e.at, decision, text: textOrErased(hash, texts.get(e.id), 'note') });
  }
  return out.sort((a, b) => a.at - b.at);
}

export type TeammateDisputeStep =
  | { kind: 'status'; eventId: string; analyst: string; at: number; status: DisputeStatus; note: string | null }
  | { kind: 'evidence'; eventId: string; analyst: string; at: number; item: string; checked: boolean }
  | {
      kind: 'attachment';
      eventId: string;
      analyst: string;
      at: number;
      action: 'attached' | 'removed';
      name: string | null;
      type: string;
      size: number;
      sha256: string;
      /** An attached file its laptop removed since (or erased): no longer the teammate's evidence. */
      removedSince: boolean;
    };

/** What teammates did on one dispute (or claim), newest first. */
export function teammateDisputeSteps(events: readonly Pulled[], texts: Texts): TeammateDisputeStep[] {
  const out: TeammateDisputeStep[] = [];
  // A file is its laptop's attachment id there: a removal names the one it takes back.
  const removals = new Map<string, number>();
  for (const e of events) {
    const read = e.kind === 'attachment' ? parseCasePayload(e) : null;
    if (!read?.ok || read.record.kind !== 'attachment' || read.record.payload.action !== 'removed') continue;
    const file = `${e.deviceId}:${read.record.payload.attachmentId}`;
    removals.set(file, Math.max(e.serverSeq, removals.get(file) ?? 0));
  }
  for (const e of events) {
    const read = parseCasePayload(e);
    if (!read.ok) continue;
    const r = read.record;
    const base = { eventId: e.id, analyst: e.analyst, at: e.at };
    if (r.kind === 'dispute-status')
      out.push({ ...base, kind: 'status', status: r.payload.status, note: textOrErased(r.payload.noteHash, texts.get(e.id), 'note') });
    else if (r.kind === 'evidence-change') out.push({ ...base, kind: 'evidence', item: r.payload.item, checked: r.payload.checked });
    else if (r.kind === 'attachment')
      out.push({
        ...base,
        kind: 'attachment',
        action: r.payload.action,
        name: textOrErased(r.payload.nameHash, texts.get(e.id), 'name'),
        type: r.payload.type,
        size: r.payload.size,
        sha256: r.payload.sha256,
        removedSince: r.payload.action === 'attached' && (removals.get(`${e.deviceId}:${r.payload.attachmentId}`) ?? 0) > e.serverSeq,
      });
  }
  return out.sort((a, b) => b.at - a.at);
}

export interface TeamOverride {
  /** Which laptop made it, and its id there (revocations name it). */
  deviceId: string;
  overrideId: number;
  analyst: string;
  at: number;
  type: KeyType;
  action: 'allow' | 'never-link';
  /** null: erased (it can no longer be applied). */
  value: string | null;
  reason: string | null;
  /** Taken back by its laptop since, and when. */
  revokedAt: number | null;
}

/** Teammates' overrides, each with whether its laptop took it back, newest first. */
export function teamOverrides(events: readonly Pulled[], texts: Texts): TeamOverride[] {
  const made = new Map<string, TeamOverride>();
  const revoked = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.serverSeq - b.serverSeq)) {
    const read = parseCasePayload(e);
    if (!read.ok || read.record.kind !== 'link-override') continue;
    const p = read.record.payload;
    if (p.revokes !== null) {
      revoked.set(`${e.deviceId}:${p.revokes}`, e.at);
      continue;
    }
    made.set(`${e.deviceId}:${p.overrideId}`, {
      deviceId: e.deviceId,
      overrideId: p.overrideId,
      analyst: e.analyst,
      at: e.at,
      type: p.type,
      action: p.action,
      value: textOrErased(p.valueHash, texts.get(e.id), 'value'),
      reason: textOrErased(p.reasonHash, texts.get(e.id), 'reason'),
      revokedAt: null,
    });
  }
  return [...made.entries()].map(([key, o]) => ({ ...o, revokedAt: revoked.get(key) ?? null })).sort((a, b) => b.at - a.at);
}
