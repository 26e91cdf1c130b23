// Puts every data row of an import in exactly one bucket (created, updated, unchanged,
// quarantined) by comparing each record's content hash with what the cache already holds.
import { cyrb53 } from './contentHash';
import type { RowProblem } from './problems';
import { recordLines, type DomainKind, type ParsedRecord } from './records';
import type { ParsedBatch } from './reader';
import { SeenRecords } from './seenRecords';

export type Bucket = 'created' | 'updated' | 'unchanged';

/**
 * What the cache knows, injected so the cache layer can answer from IndexedDB (prefetched per
 * batch) and the CLI from memory.
 */
export interface KnownRecords {
  /**
   * Where a record read with `hash` through `scope` goes: created when the cache holds no record
   * with its key, unchanged when the last import that read it through `scope` stored `hash`,
   * otherwise updated. One question, so the cache answers it with one lookup of the key.
   */
  bucket(kind: DomainKind, key: string, scope: string, hash: string): Bucket;
  /** Whether the cache holds a record with this key, from any import. */
  has(kind: DomainKind, key: string): boolean;
  /**
   * Why a record may not take its key though nothing in the file clashes: a claim reference the cache
   * holds for another marketplace's claim. Null (or no method): it may.
   */
  refusal?(rec: ParsedRecord): string | null;
}

export interface BucketCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ClassifiedBatch {
  /** Records to insert, companions included. */
  created: ParsedRecord[];
  /** Records to merge into existing ones (overwriting their `provided` fields). */
  updated: ParsedRecord[];
  /** Rows set aside in this batch, one entry per row. */
  quarantined: RowProblem[];
}

/** Rows of an order count with their order; a dispute carried on a payment row counts with that row. */
export interface ImportCounts {
  rows: BucketCounts & { quarantined: number };
  records: Record<DomainKind, BucketCounts>;
}

const KIND_WORD: Record<DomainKind, string> = { order: 'order', payment: 'payment', dispute: 'dispute', claim: 'claim' };
const zero = (): BucketCounts => ({ created: 0, updated: 0, unchanged: 0 });

export class ImportSession {
  readonly counts: ImportCounts = {
    rows: { created: 0, updated: 0, unchanged: 0, quarantined: 0 },
    records: { order: zero(), payment: zero(), dispute: zero(), claim: zero() },
  };
  private readonly seen = new SeenRecords();

  constructor(private readonly file: string) {}

  classify(batch: ParsedBatch, known: KnownRecords): ClassifiedBatch {
    const out: ClassifiedBatch = { created: [], updated: [], quarantined: batch.problems.slice() };
    this.counts.rows.quarantined += batch.problems.length;
    for (const rec of batch.records) {
      const refused = known.refusal?.(rec);
      if (refused) {
        this.refuse(rec, refused, out, 'duplicate-key');
        continue;
      }
      // A record that may only add to one the cache holds (an order from a report without prices).
      if (rec.updatesOnly !== undefined && !known.has(rec.kind, rec.key)) {
        this.refuse(rec, rec.updatesOnly, out, 'not-in-cache');
        continue;
      }
      const bucket = this.bucketOf(rec, known);
      if (typeof bucket === 'number') {
        this.setAside(rec, bucket, out);
        continue;
      }
      this.place(rec, bucket, out);
      let rowBucket: Bucket = bucket;
      for (const companion of rec.companions ?? []) {
        const b = this.bucketOf(companion, known);
        if (typeof b === 'number') continue; // a second version of a carried record: the carrier row stands
        this.place(companion, b, out);
        if (rowBucket === 'unchanged' && b !== 'unchanged') rowBucket = 'updated';
      }
      this.counts.rows[rowBucket] += rec.rows;
    }
    return out;
  }

  /** The bucket, or the line the key was first read on when this is a second, different version. */
  private bucketOf(rec: ParsedRecord, known: KnownRecords): Bucket | number {
    const key = cyrb53(rec.kind + '\u0000' + rec.key);
    const hash = cyrb53(rec.hash);
    const prev = this.seen.get(key);
    if (prev) return prev.hash === hash ? 'unchanged' : prev.line;
    this.seen.set(key, rec.line, hash);
    return known.bucket(rec.kind, rec.key, rec.scope, rec.hash);
  }

  private place(rec: ParsedRecord, bucket: Bucket, out: ClassifiedBatch): void {
    this.counts.records[rec.kind][bucket]++;
    if (bucket === 'created') out.created.push(rec);
    else if (bucket === 'updated') out.updated.push(rec);
  }

  /** Sets a record's rows aside with `reason`, naming its key column on its first row. */
  private refuse(rec: ParsedRecord, reason: string, out: ClassifiedBatch, code: 'duplicate-key' | 'not-in-cache'): void {
    recordLines(rec).forEach((line, i) => {
      const at = rec.keyColumn ? { column: rec.keyColumn.column, columnName: rec.keyColumn.name } : {};
      out.quarantined.push(
        i === 0
          ? { file: this.file, line, code, reason, ...at }
          : { file: this.file, line, code: 'group-member', reason: `another row of the same ${KIND_WORD[rec.kind]} (line ${rec.line}) was set aside` },
      );
      this.counts.rows.quarantined++;
    });
  }

  private setAside(rec: ParsedRecord, firstLine: number, out: ClassifiedBatch): void {
    const word = KIND_WORD[rec.kind];
    for (const line of recordLines(rec)) {
      out.quarantined.push({
        file: this.file,
        line,
        code: 'duplicate-key',
        reason: `this ${word} was already read at line ${firstLine} with different content; a file must hold one version of each ${word}, with an order's rows next to each other`,
      });
      this.counts.rows.quarantined++;
    }
  }
}

/** KnownRecords held in memory: the CLI's cache across the files of one run, and the tests'. */
export class MemoryKnownRecords implements KnownRecords {
  // Nested by kind and scope so a lookup builds no composite key string.
  private readonly hashes: Record<DomainKind, Map<string, Map<string, string>>> = {
    order: new Map(),
    payment: new Map(),
    dispute: new Map(),
    claim: new Map(),
  };
  private readonly keys: Record<DomainKind, Set<string>> = { order: new Set(), payment: new Set(), dispute: new Set(), claim: new Set() };

  bucket(kind: DomainKind, key: string, scope: string, hash: string): Bucket {
    if (this.hashes[kind].get(scope)?.get(key) === hash) return 'unchanged';
    return this.keys[kind].has(key) ? 'updated' : 'created';
  }

  has(kind: DomainKind, key: string): boolean {
    return this.keys[kind].has(key);
  }

  /** Records what a write of the batch's created and updated records would store. */
  remember(batch: Pick<ClassifiedBatch, 'created' | 'updated'>): void {
    for (const list of [batch.created, batch.updated]) {
      for (const r of list) {
        this.keys[r.kind].add(r.key);
        const byScope = this.hashes[r.kind];
        let byKey = byScope.get(r.scope);
        if (!byKey) byScope.set(r.scope, (byKey = new Map()));
        byKey.set(r.key, r.hash);
      }
    }
  }

  get size(): number {
    return this.keys.order.size + this.keys.payment.size + this.keys.dispute.size + this.keys.claim.size;
  }
}
