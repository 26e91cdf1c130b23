// The review decision log: append-only (enforced in storage, see appendOnly.ts) and hash-chained
// (shared/decisions/chain.ts). Appends compute the hashes outside the transaction (WebCrypto is
// not an IndexedDB operation) and commit only if no other append got in first; otherwise they
// retry. A batch (a ring decision and its undo) commits whole or not at all.
import {
  chainEntries,
  entryContentHolds,
  headOf,
  sameHead,
  verifyChain,
  type ChainVerdict,
  type DecisionEntry,
  type DecisionInput,
  type LogHead,
} from '../../../../shared/decisions/chain';
import type { ArchivedRow } from '../../../../shared/decisions/archive';
import { assertStorableEntry } from '../../../../shared/decisions/schema';
import { compareWithWitness, type Witness, type WitnessVerdict } from '../../../../shared/decisions/witness';
import type { WorkbenchDb } from './schema';

export interface LogVerdict {
  chain: ChainVerdict;
  /** One verdict per witness the caller brought (checkpoint file, files chosen by the analyst). */
  witnesses: WitnessVerdict[];
}

export class DecisionLog {
  constructor(private readonly db: WorkbenchDb) {}

  async append(input: DecisionInput): Promise<DecisionEntry> {
    return (await this.appendAll([input]))[0]!;
  }

  /**
   * Appends every input or none: a failure part-way leaves the log as it was. `stillAllowed`
   * throws when the log no longer allows them (an undo another window made meanwhile): it runs
   * on each attempt after the head is read, so what it saw is what the entries are written after.
   */
  async appendAll(inputs: readonly DecisionInput[], stillAllowed?: (log: DecisionEntry[]) => void): Promise<DecisionEntry[]> {
    if (inputs.length === 0) return [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const head = (await this.db.decisionHead.get('head')) ?? null;
      if (stillAllowed) stillAllowed(await this.entries());
      const entries = await chainEntries(inputs, head);
      for (const e of entries) assertStorableEntry(e);
      const written = await this.db.transaction('rw', [this.db.decisions, this.db.decisionHead], async () => {
        const now = (await this.db.decisionHead.get('head')) ?? null;
        // By its hash too: a restore in another window can leave a head of the same seq (the
        // backup's entries and its restore entry), and these entries chain to the one it replaced.
        if (!sameHead(now, head)) return false;
        await this.db.decisions.bulkAdd(entries);
        const last = entries.at(-1)!;
        await this.db.decisionHead.put({ key: 'head', seq: last.seq, hash: last.hash });
        return true;
      });
      if (written) return entries;
    }
    throw new Error('The decision log is busy; try again');
  }

  /** Entries in chain order, newest last. */
  entries(): Promise<DecisionEntry[]> {
    return this.db.decisions.orderBy('seq').toArray();
  }

  /** Entries after `seq`, oldest first (what a checkpoint has not seen yet). */
  entriesAfter(seq: number): Promise<DecisionEntry[]> {
    return this.db.decisions.where('seq').above(seq).sortBy('seq');
  }

  async head(): Promise<LogHead> {
    const h = await this.db.decisionHead.get('head');
    return h ? { seq: h.seq, hash: h.hash } : headOf([]);
  }

  /**
   * The live log with what restores set aside, read together (a restore between two reads would
   * pair the archive with another log): the decision entries, and the other logs' rows by table.
   */
  async withArchive(): Promise<{ live: DecisionEntry[]; archived: ArchivedRow[]; otherRows: Record<string, number> }> {
    const [live, archive] = await this.db.transaction('r', [this.db.decisions, this.db.logArchive], () =>
      Promise.all([this.entries(), this.db.logArchive.toArray()]),
    );
    const archived: ArchivedRow[] = [];
    const otherRows: Record<string, number> = {};
    for (const a of archive) {
      if (a.table === 'decisions')
        archived.push({ restoreSeq: a.restoreSeq, ...(a.restoreHash ? { restoreHash: a.restoreHash } : {}), entry: a.row as DecisionEntry });
      else otherRows[a.table] = (otherRows[a.table] ?? 0) + 1;
    }
    return { live, archived, otherRows };
  }

  async verify(witnesses: readonly Witness[] = []): Promise<LogVerdict> {
    const [entries, head, archive] = await this.db.transaction('r', [this.db.decisions, this.db.decisionHead, this.db.logArchive], () =>
      Promise.all([this.entries(), this.db.decisionHead.get('head'), this.db.logArchive.toArray()]),
    );
    // Entries restores set aside: a witness that saw them before finds them there, each only if
    // its content still matches its hash (an archived row edited beneath the app is not them).
    const setAside = archive.filter((a) => a.table === 'decisions').map((a) => a.row as DecisionEntry);
    const holds = await Promise.all(setAside.map(entryContentHolds));
    const archived = setAside.filter((_, i) => holds[i]);
    return { chain: await verifyChain(entries, head ?? null), witnesses: witnesses.map((w) => compareWithWitness(entries, w, archived)) };
  }
}
