// Two files of one own shop (the same `--shop`, or none) holding an order of one number with another
// date, amount, currency or buyer: two shops' orders about to merge, or one shop's orders changed.
// The app asks (shared/ingest/shops.ts); the command line refuses, naming both files, unless
// `--same-shop` says the files are one shop's. Never a silent overwrite.
import type { ClassifiedBatch, ParsedRecord } from '../../../shared/ingest';
import { describeShopQuestion, factsOf, onQuarterHour, ShopClash, type OrderFacts, type ShopClashQuestion } from '../../../shared/ingest/shops';

/** An own-shop order as the run holds it: its facts, and the file that first had it. */
interface HeldOrder {
  facts: OrderFacts;
  file: string;
}

type OrderRecord = Extract<ParsedRecord, { kind: 'order' }>;

const FACT_FIELDS = ['createdAt', 'totalMinor', 'currency', 'email', 'customerId', 'shipName'] as const;

/** The order's facts once `r` updates `held`: a field the file does not provide keeps its held value. */
function factsAfter(held: OrderFacts | undefined, r: OrderRecord): OrderFacts {
  if (!held) return factsOf(r.value);
  const next: OrderFacts = { ...held, externalId: r.value.externalId };
  for (const f of FACT_FIELDS) if (r.provided.includes(f)) Object.assign(next, { [f]: r.value[f] });
  return factsOf(next);
}

/** The own-shop orders of a run's files so far, checked file by file as the import writes them. */
export class ShopClashes {
  private readonly held = new Map<string, HeldOrder>();
  readonly refused: ShopClashQuestion[] = [];

  /** `sameShop`: the analyst said files of one shop may change each other's orders (`--same-shop`). */
  constructor(private readonly sameShop: boolean) {}

  /** The check of one file: `visit` each written batch, then `end`. */
  file(file: string, shop: string | undefined): { visit(batch: Pick<ClassifiedBatch, 'created' | 'updated'>): void; end(): void } {
    const pending = new Map<string, HeldOrder>();
    const clash: { stored: HeldOrder; incoming: OrderFacts }[] = [];
    // Times all on quarter hours (a date-only export) cannot tell orders apart: the buyer counts too
    // (ShopClash). Unchanged orders are not visited; missing their times only ever asks more.
    let timed = false;
    return {
      visit: (batch) => {
        for (const r of [...batch.created, ...batch.updated]) {
          // Marketplace order numbers are unique across sellers; own-shop numbers are not.
          if (r.kind !== 'order' || r.value.marketplace !== 'shop') continue;
          if (!timed && r.provided.includes('createdAt') && !onQuarterHour(r.value.createdAt)) timed = true;
          const before = this.held.get(r.key);
          const incoming = factsAfter(before?.facts, r);
          if (before && before.file !== file) clash.push({ stored: before, incoming });
          pending.set(r.key, { facts: incoming, file: before?.file ?? file });
        }
      },
      end: () => {
        const check = new ShopClash(!timed);
        for (const c of clash) check.add(c.stored.facts, c.stored.file, c.incoming);
        const question = this.sameShop ? null : check.question(file, shop ?? null, []);
        // A refused file's orders are not held: later files are compared with what the others said.
        if (question) return void this.refused.push(question);
        for (const [key, order] of pending) this.held.set(key, order);
      },
    };
  }

  /** The refusal for stderr, one line per refused file and what to do; '' when none. */
  refusal(): string {
    if (this.refused.length === 0) return '';
    const lines = this.refused.map((q) => `${q.file}: ${describeShopQuestion(q)}: another shop's orders, or the same shop's changed?`);
    const q = this.refused[0]!;
    lines.push(
      `Nothing was reported: read as one shop's, ${q.file}'s order ${q.first} would overwrite the one from ${q.from[0]}. Say which shop each file is from`,
      `with --shop NAME before its files (e.g. ${q.from[0]} --shop "Second shop" ${q.file}), or, if they are one shop's, add --same-shop so later files update its orders.`,
    );
    return `${lines.join('\n')}\n`;
  }
}
