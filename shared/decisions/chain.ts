// The decision log's integrity: every entry carries the SHA-256 of the one before it and of its
// own content, so any edit, deletion, reordering or insertion of stored entries shows up when the
// chain is verified, and verification names the first entry where it breaks. Pure; WebCrypto
// (browser, worker, Node 20 and Electron's main all have crypto.subtle).
//
// Entries are written in form 2: the chain covers a salted hash of the note, not the note, so a
// note that holds personal data can be erased on request while the chain still verifies. Form-1
// entries (before notes were salted) still verify as they were written.

/**
 * What an analyst did: decisions on orders, and the trust events the log also witnesses (a restore,
 * an erasure, a retention purge, the cache cleared). A kind is only ever added, at the end: stored
 * entries and exported files keep the words they were written with.
 */
export const DECISIONS = ['hold', 'release', 'cancel', 'note', 'undo', 'restore', 'erasure', 'retention', 'clear-cache'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The three that settle an order; the others are notes, undos and events about the log itself. */
export const ORDER_DECISIONS = ['hold', 'release', 'cancel'] as const satisfies readonly Decision[];
export type OrderDecision = (typeof ORDER_DECISIONS)[number];
export function isOrderDecision(d: Decision): d is OrderDecision {
  return d === 'hold' || d === 'release' || d === 'cancel';
}

/** Newest entry of a log: its position and hash. `{ seq: 0, hash: GENESIS }` is the empty log. */
export interface LogHead {
  seq: number;
  hash: string;
}

/**
 * Whether two reads of the log's head are the same head: its number and its hash (a restore in
 * another window can leave a head of the same number on other entries). No head is entry 0.
 */
export function sameHead(a: LogHead | null | undefined, b: LogHead | null | undefined): boolean {
  return (a?.seq ?? 0) === (b?.seq ?? 0) && a?.hash === b?.hash;
}

/** What an analyst decided, before the log numbers and chains it. */
export interface DecisionInput {
  orderKey: string;
  decision: Decision;
  reasonCode: string;
  note: string;
  analyst: string;
  at: number;
  score: number | null;
  matrixVersion: number | null;
  /** For `undo`: the seq of the entry it reverses. */
  undoes: number | null;
  /** For `erasure`: the entries whose notes it erased. */
  refs?: number[];
  /** For `restore`: the head of the log the restore replaced. */
  supersedes?: LogHead | null;
  /**
   * For a lead's resolution of a team conflict (a hold, release or cancel): the decisions it
   * settles, each by the laptop that logged it and its seq in that laptop's log.
   */
  settles?: DecisionRef[];
  /**
   * For a hold, release or cancel of a scored order: the matrix rules that fired when the analyst
   * decided, as the queue showed them. The score alone says how much, not why: an auditor asking
   * why an order was held months later, after the matrix or the data changed, reads it here.
   */
  fired?: FiredRule[];
}

/** A scoring rule that fired: its id, its points and what it saw ("+25 card used on 4 devices in 24 h"). */
export interface FiredRule {
  ruleId: string;
  points: number;
  text: string;
}

/** A decision anywhere in the team: the laptop (team device id) whose log holds it, and its seq there. */
export interface DecisionRef {
  deviceId: string;
  seq: number;
}

export interface DecisionEntry extends DecisionInput {
  /** 1, 2, 3, ... with no gaps. */
  seq: number;
  /** Hash of the entry before (GENESIS for the first). */
  prevHash: string;
  /** SHA-256 (hex) of this entry's canonical content, prevHash included. */
  hash: string;
  /** 2 for entries whose chain covers the note's salted hash; absent on form-1 entries. */
  form?: 2;
  /** Random per entry (hex), so a short note cannot be found by hashing guesses. */
  noteSalt?: string;
  /** SHA-256 of salt + note. */
  noteHash?: string;
  /** Set when the note was erased on request (the erasure is its own entry, listing this one). */
  noteErased?: boolean;
}

export const GENESIS = '0'.repeat(64);
export const EMPTY_HEAD: LogHead = { seq: 0, hash: GENESIS };

export function headOf(entries: readonly Pick<DecisionEntry, 'seq' | 'hash'>[]): LogHead {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
}

/** Field order is fixed here, not by object key order, so the same entry always hashes the same. */
function canonical(e: Omit<DecisionEntry, 'hash'>): string {
  if (e.form === 2) {
    return JSON.stringify([
      2,
      e.seq,
      e.prevHash,
      e.orderKey,
      e.decision,
      e.reasonCode,
      e.noteSalt ?? '',
      e.noteHash ?? '',
      e.analyst,
      e.at,
      e.score,
      e.matrixVersion,
      e.undoes,
      e.refs ?? [],
      e.supersedes ? [e.supersedes.seq, e.supersedes.hash] : null,
      // Resolutions came later: only they carry the field, so every earlier entry hashes as it did.
      ...(e.settles?.length ? [e.settles.map((r) => [r.deviceId, r.seq])] : []),
      // So did the rules that fired, after a marker no settled decision can be mistaken for.
      ...(e.fired?.length ? ['fired', e.fired.map((f) => [f.ruleId, f.points, f.text])] : []),
    ]);
  }
  return JSON.stringify([e.seq, e.prevHash, e.orderKey, e.decision, e.reasonCode, e.note, e.analyst, e.at, e.score, e.matrixVersion, e.undoes]);
}

/** SHA-256 of a text's UTF-8 bytes, as hex. */
export function sha256(text: string): Promise<string> {
  return sha256OfBytes(new TextEncoder().encode(text));
}

/** SHA-256 of bytes, as hex. */
export async function sha256OfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function noteHashOf(salt: string, note: string): Promise<string> {
  return sha256(`${salt}\u0000${note}`);
}

/** A random salt (16 bytes, hex), for a salted hash that guesses cannot find. */
export function randomSalt(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The next entry after `last` (null for the first), numbered and chained. */
export async function chainEntry(input: DecisionInput, last: Pick<DecisionEntry, 'seq' | 'hash'> | null, salt: string = randomSalt()): Promise<DecisionEntry> {
  const body: Omit<DecisionEntry, 'hash'> = {
    form: 2,
    orderKey: input.orderKey,
    decision: input.decision,
    reasonCode: input.reasonCode,
    note: input.note,
    noteSalt: salt,
    noteHash: await noteHashOf(salt, input.note),
    analyst: input.analyst,
    at: input.at,
    score: input.score,
    matrixVersion: input.matrixVersion,
    undoes: input.undoes,
    ...(input.refs?.length ? { refs: [...input.refs] } : {}),
    ...(input.supersedes ? { supersedes: { seq: input.supersedes.seq, hash: input.supersedes.hash } } : {}),
    ...(input.settles?.length ? { settles: input.settles.map((r) => ({ deviceId: r.deviceId, seq: r.seq })) } : {}),
    ...(input.fired?.length ? { fired: input.fired.map((f) => ({ ruleId: f.ruleId, points: f.points, text: f.text })) } : {}),
    seq: last && last.seq > 0 ? last.seq + 1 : 1,
    prevHash: last && last.seq > 0 ? last.hash : GENESIS,
  };
  return { ...body, hash: await sha256(canonical(body)) };
}

/** Entries chained one after another from `last`. */
export async function chainEntries(inputs: readonly DecisionInput[], last: LogHead | null): Promise<DecisionEntry[]> {
  const out: DecisionEntry[] = [];
  let prev: LogHead | null = last;
  for (const input of inputs) {
    const e = await chainEntry(input, prev);
    out.push(e);
    prev = e;
  }
  return out;
}

/** Recomputes one entry's hash from its content (the chain position is checked by the caller). */
export async function entryHashHolds(e: DecisionEntry): Promise<boolean> {
  const { hash, ...body } = e;
  return (await sha256(canonical(body))) === hash;
}

/**
 * An entry kept off the chain (set aside by a restore, in the log's archive) is what it says:
 * its hash matches its content, a kept note its salted hash, an erased note is empty.
 */
export async function entryContentHolds(e: DecisionEntry): Promise<boolean> {
  if (!(await entryHashHolds(e))) return false;
  if (e.noteErased) return e.form === 2 && e.note === '';
  if (e.form !== 2) return Object.keys(e).every((k) => FORM_ONE_FIELDS.has(k));
  return (await noteHashOf(e.noteSalt ?? '', e.note)) === e.noteHash;
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; seq: number; reason: string };

/** The fields of an entry of the first form (no `form`): its hash covers all but `hash`. */
const FORM_ONE_FIELDS: ReadonlySet<string> = new Set([
  'form',
  'seq',
  'prevHash',
  'hash',
  'orderKey',
  'decision',
  'reasonCode',
  'note',
  'analyst',
  'at',
  'score',
  'matrixVersion',
  'undoes',
]);

/**
 * Checks that `entries` continue the chain after `from` (the empty log by default): numbered
 * without gaps, each chained to the one before, each hash matching its content, each kept note
 * matching its salted hash and each erased note empty. Names the first entry that breaks it.
 */
export async function verifySegment(entries: readonly DecisionEntry[], from: LogHead = EMPTY_HEAD): Promise<ChainVerdict> {
  let prev = from;
  for (const e of entries) {
    const fail = (reason: string): ChainVerdict => ({ ok: false, entries: entries.length, seq: e.seq, reason });
    if (e.seq !== prev.seq + 1) {
      return fail(
        prev.seq > 0
          ? `entry ${e.seq} follows entry ${prev.seq}: an entry was removed, inserted or moved`
          : `the log starts at entry ${e.seq}, not 1: entries were removed`,
      );
    }
    if (e.prevHash !== prev.hash) return fail(`entry ${e.seq} does not chain to the entry before it: an entry was removed, inserted or changed`);
    if (!(await entryHashHolds(e))) return fail(`entry ${e.seq} was changed after it was written`);
    if (e.form === 2 && !e.noteErased && (await noteHashOf(e.noteSalt ?? '', e.note)) !== e.noteHash)
      return fail(`the note of entry ${e.seq} was changed after it was written`);
    if (e.form !== 2 && e.noteErased) return fail(`entry ${e.seq} claims an erased note, which its form cannot have`);
    // The first form's hash covers its eleven fields, all it was ever written with: any other
    // (rules that fired, resolutions, refs) was put there beneath the app, unhashed.
    if (e.form !== 2 && Object.keys(e).some((k) => !FORM_ONE_FIELDS.has(k)))
      return fail(`entry ${e.seq} carries fields its form was never written with: they were added after it was written`);
    // An erased note's hash is no longer checked, so the one thing left to hold it to is that it
    // is gone: text there again was written after the erasure, beneath the app.
    if (e.noteErased && e.note !== '') return fail(`the note of entry ${e.seq} was erased, but holds text again: it was written after the erasure`);
    prev = e;
  }
  return { ok: true, entries: entries.length };
}

/**
 * Checks entries as stored (in storage order) against the chain, and the last one against the
 * head recorded beside the log (so removing the newest entries is caught too); every erased note
 * must be listed by an erasure or retention entry. Names the first entry that breaks it.
 */
export async function verifyChain(entries: readonly DecisionEntry[], head: Pick<DecisionEntry, 'seq' | 'hash'> | null): Promise<ChainVerdict> {
  const chain = await verifySegment(entries);
  if (!chain.ok) return chain;
  const prev = entries.at(-1) ?? null;
  if (head && (!prev || prev.seq !== head.seq || prev.hash !== head.hash)) {
    return {
      ok: false,
      entries: entries.length,
      seq: prev ? prev.seq + 1 : 1,
      reason: `the log ends at entry ${prev?.seq ?? 0} but entry ${head.seq} was written: the newest entries were removed`,
    };
  }
  if (!head && prev) return { ok: false, entries: entries.length, seq: 1, reason: 'the log has entries but no recorded head: it was replaced' };
  // A restore lists the entries of the backup whose notes the erasure register erased again.
  // Only earlier entries: a note written after the entry that lists it cannot have been erased by it.
  const erasedBy = new Set(
    entries
      .filter((e) => e.decision === 'erasure' || e.decision === 'retention' || e.decision === 'restore')
      .flatMap((e) => (e.refs ?? []).filter((ref) => ref < e.seq)),
  );
  const unlogged = entries.find((e) => e.noteErased && !erasedBy.has(e.seq));
  if (unlogged)
    return { ok: false, entries: entries.length, seq: unlogged.seq, reason: `the note of entry ${unlogged.seq} was removed without a logged erasure` };
  return { ok: true, entries: entries.length };
}
