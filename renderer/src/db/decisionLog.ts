// The review decision log: append-only (enforced in storage, see appendOnly.ts) and hash-chained
// (shared/decisions/chain.ts). Appends compute the hash outside the transaction (WebCrypto is not
// an IndexedDB operation) and commit only if no other append got in first; otherwise they retry.
import { chainEntry, verifyChain, type ChainVerdict, type DecisionEntry, type DecisionInput } from '../../../shared/decisions/chain';
import type { WorkbenchDb } from './schema';

export class DecisionLog {
  constructor(private readonly db: WorkbenchDb) {}

  async append(input: DecisionInput): Promise<DecisionEntry> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const head = (await this.db.decisionHead.get('head')) ?? null;
      const entry = await chainEntry(input, head);
      const written = await this.db.transaction('rw', [this.db.decisions, this.db.decisionHead], async () => {
        const now = (await this.db.decisionHead.get('head')) ?? null;
        if ((now?.seq ?? 0) !== (head?.seq ?? 0)) return false;
        await this.db.decisions.add(entry);
        await this.db.decisionHead.put({ key: 'head', seq: entry.seq, hash: entry.hash });
        return true;
      });
      if (written) return entry;
    }
    throw new Error('The decision log is busy; try again');
  }

  /** Entries in chain order, newest last. */
  entries(): Promise<DecisionEntry[]> {
    return this.db.decisions.orderBy('seq').toArray();
  }

  async verify(): Promise<ChainVerdict> {
    const [entries, head] = await Promise.all([this.entries(), this.db.decisionHead.get('head')]);
    return verifyChain(entries, head ?? null);
  }
}
