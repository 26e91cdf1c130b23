// The decision log's integrity: every entry carries the SHA-256 of the one before it and of its
// own content, so any edit, deletion, reordering or insertion of stored entries shows up when the
// chain is verified, and verification names the first entry where it breaks. Pure; WebCrypto
// (browser, worker and Node 20 all have crypto.subtle).

export const DECISIONS = ['hold', 'release', 'cancel', 'note', 'undo'] as const;
export type Decision = (typeof DECISIONS)[number];

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
}

export interface DecisionEntry extends DecisionInput {
  /** 1, 2, 3, ... with no gaps. */
  seq: number;
  /** Hash of the entry before (GENESIS for the first). */
  prevHash: string;
  /** SHA-256 (hex) of this entry's canonical content, prevHash included. */
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** Field order is fixed here, not by object key order, so the same entry always hashes the same. */
function canonical(e: Omit<DecisionEntry, 'hash'>): string {
  return JSON.stringify([e.seq, e.prevHash, e.orderKey, e.decision, e.reasonCode, e.note, e.analyst, e.at, e.score, e.matrixVersion, e.undoes]);
}

/** SHA-256 of a text's UTF-8 bytes, as hex. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The next entry after `last` (null for the first), numbered and chained. */
export async function chainEntry(input: DecisionInput, last: Pick<DecisionEntry, 'seq' | 'hash'> | null): Promise<DecisionEntry> {
  const body = {
    orderKey: input.orderKey,
    decision: input.decision,
    reasonCode: input.reasonCode,
    note: input.note,
    analyst: input.analyst,
    at: input.at,
    score: input.score,
    matrixVersion: input.matrixVersion,
    undoes: input.undoes,
    seq: last ? last.seq + 1 : 1,
    prevHash: last ? last.hash : GENESIS,
  };
  return { ...body, hash: await sha256(canonical(body)) };
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; seq: number; reason: string };

/**
 * Checks entries as stored (in storage order) against the chain, and the last one against the
 * head recorded beside the log (so removing the newest entries is caught too). Names the first
 * entry that breaks it.
 */
export async function verifyChain(entries: readonly DecisionEntry[], head: Pick<DecisionEntry, 'seq' | 'hash'> | null): Promise<ChainVerdict> {
  let prev: DecisionEntry | null = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const fail = (reason: string): ChainVerdict => ({ ok: false, entries: entries.length, seq: e.seq, reason });
    if (e.seq !== i + 1) return fail(prev ? `entry ${e.seq} follows entry ${prev.seq}: an entry was removed, inserted or moved` : `the log starts at entry ${e.seq}, not 1: entries were removed`);
    if (e.prevHash !== (prev ? prev.hash : GENESIS)) return fail(`entry ${e.seq} does not chain to the entry before it: an entry was removed, inserted or changed`);
    const { hash, ...body } = e;
    if ((await sha256(canonical(body))) !== hash) return fail(`entry ${e.seq} was changed after it was written`);
    prev = e;
  }
  if (head && (!prev || prev.seq !== head.seq || prev.hash !== head.hash)) {
    return { ok: false, entries: entries.length, seq: prev ? prev.seq + 1 : 1, reason: `the log ends at entry ${prev?.seq ?? 0} but entry ${head.seq} was written: the newest entries were removed` };
  }
  if (!head && prev) return { ok: false, entries: entries.length, seq: 1, reason: 'the log has entries but no recorded head: it was replaced' };
  return { ok: true, entries: entries.length };
}
