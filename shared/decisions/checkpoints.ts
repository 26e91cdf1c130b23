// Checkpoints of the decision log kept outside IndexedDB: an append-only ledger of the hash of
// every entry it has seen. It grows only by entries that extend it (recomputed here, never taken
// on trust), or by a logged restore that names the head it replaces and keeps a prefix the ledger
// itself witnessed. Pure: Electron's main keeps it as a file; browser mode downloads it.
import { verifySegment, type DecisionEntry, type LogHead, EMPTY_HEAD, entryHashHolds } from './chain';
import type { Witness } from './witness';

export const CHECKPOINT_FORMAT = 'fraud-workbench-checkpoints';

/**
 * A restore line keeps entries 1..keep and adds the restore entry. `kept` (the hash of entry
 * `keep`) is written when the kept entries are not the ledger's current ones but a line an
 * earlier restore replaced: a newer backup restored after an older one brings that line back.
 */
export type CheckpointLine =
  | { kind: 'extend'; at: number; from: number; hashes: string[] }
  | { kind: 'restore'; at: number; keep: number; supersedes: LogHead; hash: string; kept?: string };

export interface RestoreMark {
  at: number;
  /** Entries 1..keep were kept; the restore entry is keep + 1. */
  keep: number;
  supersedes: LogHead;
  /**
   * The witnessed entries after `keep` that the restore replaced: set aside into the log's
   * archive, where they must still be found as they were seen, or they vanished.
   */
  setAside: LogHead[];
}

/** What the ledger knows now: the hash of every witnessed entry, and the restores it allowed. */
export class CheckpointLedger {
  private hashes: string[] = [];
  /** Every line a restore replaced, as it stood then (newest last): a later restore may bring one back. */
  private replaced: string[][] = [];
  readonly restores: RestoreMark[] = [];
  updatedAt: number | null = null;

  get head(): LogHead {
    return this.hashes.length ? { seq: this.hashes.length, hash: this.hashes.at(-1)! } : EMPTY_HEAD;
  }

  hashAt(seq: number): string | undefined {
    return seq === 0 ? EMPTY_HEAD.hash : this.hashes[seq - 1];
  }

  /** The hashes of entries 1..keep on the current line or, failing that, on a line a restore replaced whose entry `keep` is `hash`. */
  lineKeeping(keep: number, hash: string): string[] | undefined {
    for (const line of [this.hashes, ...[...this.replaced].reverse()]) {
      if (keep === 0 ? hash === EMPTY_HEAD.hash : line[keep - 1] === hash) return line.slice(0, keep);
    }
    return undefined;
  }

  /** Every witnessed entry's head, oldest first. */
  heads(): LogHead[] {
    return this.hashes.map((hash, i) => ({ seq: i + 1, hash }));
  }

  /** Applies a line already written (reading the file back); refuses one that does not fit. */
  apply(line: CheckpointLine): void {
    if (line.kind === 'extend') {
      if (line.from !== this.hashes.length) throw new Error(`an extension from entry ${line.from} does not follow entry ${this.hashes.length}`);
      this.hashes.push(...line.hashes);
    } else {
      if (line.kept === undefined && line.keep > this.hashes.length) throw new Error(`a restore keeps ${line.keep} entries of ${this.hashes.length}`);
      // Without `kept`, a prefix of the current line; with it, of whichever line it saw has that entry.
      const kept = line.kept === undefined ? this.hashes.slice(0, line.keep) : this.lineKeeping(line.keep, line.kept);
      if (!kept) throw new Error(`a restore keeps entry ${line.keep} as no line the checkpoint saw has it`);
      // Set aside: this line's entries from the first one the kept entries do not share.
      let common = 0;
      while (common < kept.length && common < this.hashes.length && kept[common] === this.hashes[common]) common++;
      const setAside = this.hashes.slice(common).map((hash, i) => ({ seq: common + i + 1, hash }));
      this.replaced.push(this.hashes);
      this.hashes = [...kept, line.hash];
      this.restores.push({ at: line.at, keep: line.keep, supersedes: line.supersedes, setAside });
    }
    this.updatedAt = line.at;
  }
}

export type LedgerResult = { ok: true; line: CheckpointLine | null; head: LogHead } | { ok: false; reason: string };

/** The line that witnesses `entries`, if they extend what the ledger saw (already-seen entries must match). */
export async function extensionOf(ledger: CheckpointLedger, entries: readonly DecisionEntry[], at: number): Promise<LedgerResult> {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  // Entries the ledger already holds are accepted only if they are the same ones.
  const fresh: DecisionEntry[] = [];
  for (const e of sorted) {
    const known = ledger.hashAt(e.seq);
    if (known === undefined) fresh.push(e);
    else if (known !== e.hash) return { ok: false, reason: `entry ${e.seq} differs from the one the checkpoint saw: the log was changed` };
  }
  if (fresh.length === 0) return { ok: true, line: null, head: ledger.head };
  const verdict = await verifySegment(fresh, ledger.head);
  if (!verdict.ok) return { ok: false, reason: `the entries do not extend the checkpoint: ${verdict.reason}` };
  const line: CheckpointLine = { kind: 'extend', at, from: ledger.head.seq, hashes: fresh.map((e) => e.hash) };
  return { ok: true, line, head: { seq: fresh.at(-1)!.seq, hash: fresh.at(-1)!.hash } };
}

/**
 * The line that witnesses a restore: its entry must be a `restore` that names the ledger's head
 * as the one it replaces and chains to an entry the ledger saw: on its current line (the backup's
 * log is a prefix of it), or on a line an earlier restore replaced (a newer backup restored after
 * an older one). A forged or foreign log has other hashes and is refused.
 */
export async function restoreOf(ledger: CheckpointLedger, entry: DecisionEntry, at: number): Promise<LedgerResult> {
  if (entry.decision !== 'restore') return { ok: false, reason: `entry ${entry.seq} is a ${entry.decision}, not a restore` };
  if (!(await entryHashHolds(entry))) return { ok: false, reason: `entry ${entry.seq} does not match its own hash` };
  const head = ledger.head;
  if (head.seq === 0) return { ok: false, reason: 'the checkpoint has seen no entries: there is nothing a restore replaces; extend it instead' };
  if (!entry.supersedes || entry.supersedes.seq !== head.seq || entry.supersedes.hash !== head.hash) {
    return { ok: false, reason: `the restore must name the checkpoint's head (entry ${head.seq}) as the one it replaces` };
  }
  const keep = entry.seq - 1;
  const kept = ledger.hashAt(keep);
  const line = { kind: 'restore' as const, at, keep, supersedes: head, hash: entry.hash };
  if (kept === entry.prevHash) return { ok: true, line, head: { seq: entry.seq, hash: entry.hash } };
  // A line an earlier restore replaced, brought back by a newer backup restored after an older one.
  if (ledger.lineKeeping(keep, entry.prevHash)) return { ok: true, line: { ...line, kept: entry.prevHash }, head: { seq: entry.seq, hash: entry.hash } };
  if (kept === undefined)
    return { ok: false, reason: `the restored log ends at entry ${keep}, past the ${head.seq} entries the checkpoint saw: extend, not restore` };
  return { ok: false, reason: `the restored log's entry ${keep} differs from the one the checkpoint saw: it is not an older copy of this log` };
}

/** What a ledger (the checkpoint file, or a copy of it) witnesses: every entry it holds, and those its restores set aside. */
export function ledgerWitness(
  source: string,
  state: { heads: readonly LogHead[]; restores: readonly Pick<RestoreMark, 'setAside'>[]; updatedAt: number | null },
): Witness {
  const setAside = state.restores.flatMap((r) => r.setAside);
  const setAsideLines = state.restores.map((r) => r.setAside).filter((l) => l.length > 0);
  return { source, at: state.updatedAt, heads: [...state.heads], ...(setAside.length ? { setAside, setAsideLines } : {}) };
}

/** The ledger as a file: a header line, then one JSON line per checkpoint. */
export function ledgerHeader(): string {
  return JSON.stringify({ format: CHECKPOINT_FORMAT, version: 1 });
}

export function serialiseLine(line: CheckpointLine): string {
  return JSON.stringify(line);
}

/**
 * Reads a ledger file back. A last line cut off mid-write (a crash) is dropped and reported;
 * any other line that does not fit makes the whole file untrustworthy and is an error.
 */
export function parseLedger(text: string): { ledger: CheckpointLedger; problem: string | null } {
  const lines = text.split('\n');
  const ledger = new CheckpointLedger();
  const first = lines[0]?.trim() ?? '';
  if (!first) return { ledger, problem: null };
  let header: unknown;
  try {
    header = JSON.parse(first);
  } catch {
    throw new Error('line 1 is not a checkpoint file header');
  }
  if ((header as { format?: unknown }).format !== CHECKPOINT_FORMAT) throw new Error('line 1 is not a checkpoint file header');
  let problem: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let line: CheckpointLine;
    try {
      line = checkLine(parseJson(raw));
    } catch (e) {
      const isLast = lines.slice(i + 1).every((l) => !l.trim());
      if (isLast && !text.endsWith('\n')) {
        problem = `line ${i + 1} was cut off while it was written and is ignored`;
        break;
      }
      throw new Error(`line ${i + 1}: ${(e as Error).message}`, { cause: e });
    }
    try {
      ledger.apply(line);
    } catch (e) {
      throw new Error(`line ${i + 1}: ${(e as Error).message}`, { cause: e });
    }
  }
  return { ledger, problem };
}

const HEX64 = /^[0-9a-f]{64}$/;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error('not a checkpoint line');
  }
}

function checkLine(v: unknown): CheckpointLine {
  const o = v as Record<string, unknown>;
  const isInt = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  if (
    o &&
    o['kind'] === 'extend' &&
    isInt(o['at']) &&
    isInt(o['from']) &&
    Array.isArray(o['hashes']) &&
    o['hashes'].every((h) => typeof h === 'string' && HEX64.test(h))
  ) {
    return { kind: 'extend', at: o['at'] as number, from: o['from'] as number, hashes: o['hashes'] as string[] };
  }
  const sup = o?.['supersedes'] as Record<string, unknown> | undefined;
  if (
    o &&
    o['kind'] === 'restore' &&
    isInt(o['at']) &&
    isInt(o['keep']) &&
    typeof o['hash'] === 'string' &&
    HEX64.test(o['hash']) &&
    sup &&
    isInt(sup['seq']) &&
    typeof sup['hash'] === 'string' &&
    HEX64.test(sup['hash'])
  ) {
    const kept = o['kept'];
    if (kept !== undefined && !(typeof kept === 'string' && HEX64.test(kept))) throw new Error('not a checkpoint line');
    return {
      kind: 'restore',
      at: o['at'] as number,
      keep: o['keep'] as number,
      hash: o['hash'],
      supersedes: { seq: sup['seq'] as number, hash: sup['hash'] },
      ...(kept !== undefined ? { kept } : {}),
    };
  }
  throw new Error('not a checkpoint line');
}

/** A whole ledger as one file (browser mode's checkpoint download): header and one extension. */
export function ledgerFile(heads: readonly LogHead[], at: number): string {
  const lines = [ledgerHeader()];
  if (heads.length) lines.push(serialiseLine({ kind: 'extend', at, from: 0, hashes: heads.map((h) => h.hash) }));
  return lines.join('\n') + '\n';
}
