// Two own shops number their orders the same way (#1001, #1002 ...): an order number alone does
// not say which shop. An import of own-shop orders that would change orders another file wrote,
// with another date, amount or currency, is a question for the analyst, never a silent update:
// the same shop (update them) or another shop (its orders get their own key, nothing merges).
import type { Order } from '../domain/order';

/** The facts that never change for one shop's order: when it was placed, its total and currency. */
export type OrderFacts = Pick<Order, 'externalId' | 'createdAt' | 'totalMinor' | 'currency'>;

export type FactDifference = 'date' | 'amount' | 'currency';

/** Times within a minute are the same placement (an export rounds to the minute). */
const SAME_TIME_MS = 60_000;

/** How an incoming order's facts differ from the stored order of the same number; [] when they agree. */
export function factDifferences(stored: OrderFacts, incoming: OrderFacts): FactDifference[] {
  const out: FactDifference[] = [];
  if (Math.abs(stored.createdAt - incoming.createdAt) >= SAME_TIME_MS) out.push('date');
  if (stored.currency !== incoming.currency) out.push('currency');
  else if (stored.totalMinor !== incoming.totalMinor) out.push('amount');
  return out;
}

export interface ShopQuestion {
  /** The file being imported. */
  file: string;
  /** Its orders whose number exists with other facts. */
  orders: number;
  /** Lowest and highest of those order numbers (numeric-aware). */
  first: string;
  last: string;
  /** The files that wrote the stored versions (a few), and how many files in all. */
  from: string[];
  fromCount: number;
  differs: FactDifference[];
  example: { stored: OrderFacts; incoming: OrderFacts };
  /** Shop names already in the cache, to offer as answers. */
  shops: string[];
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Collects the clashes of one file, order by order. */
export class ShopClash {
  private readonly numbers: string[] = [];
  private readonly files = new Set<string>();
  private readonly kinds = new Set<FactDifference>();
  private example: ShopQuestion['example'] | null = null;

  /** Adds one order that exists; returns whether its facts clash. */
  add(stored: OrderFacts, storedFile: string, incoming: OrderFacts): boolean {
    const d = factDifferences(stored, incoming);
    if (d.length === 0) return false;
    this.numbers.push(incoming.externalId);
    this.files.add(storedFile);
    for (const k of d) this.kinds.add(k);
    this.example ??= { stored, incoming };
    return true;
  }

  question(file: string, shops: readonly string[]): ShopQuestion | null {
    if (!this.example) return null;
    const sorted = [...this.numbers].sort(byNumber);
    const from = [...this.files].sort();
    return {
      file,
      orders: sorted.length,
      first: sorted[0]!,
      last: sorted[sorted.length - 1]!,
      from: from.slice(0, 3),
      fromCount: from.length,
      differs: (['date', 'amount', 'currency'] as const).filter((k) => this.kinds.has(k)),
      example: this.example,
      shops: [...shops],
    };
  }
}

const DIFFERENCE_WORDS: Record<FactDifference, string> = { date: 'dates', amount: 'amounts', currency: 'currencies' };

/** "40 orders #1001–#1040 exist from orders_export.csv with other dates and amounts". */
export function describeShopQuestion(q: ShopQuestion): string {
  const range = q.orders === 1 ? `order ${q.first} exists` : `${q.orders.toLocaleString('en')} orders ${q.first}–${q.last} exist`;
  const files = q.from.join(', ') + (q.fromCount > q.from.length ? ` and ${q.fromCount - q.from.length} more files` : '');
  const what = q.differs.map((d) => DIFFERENCE_WORDS[d]);
  const words = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0];
  return `${range[0]!.toUpperCase()}${range.slice(1)} from ${files} with other ${words}`;
}

/** What the analyst answered: the same shop (update), or the shop's name (its own orders). */
export type ShopChoice = { sameShop: true } | { shop: string };

/** A shop name as kept: trimmed, single spaces. */
export function cleanShopName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function shopNameProblem(name: string): string | null {
  const n = cleanShopName(name);
  if (n === '') return 'name the shop';
  if (n.length > 60) return 'a shop name has at most 60 characters';
  if (/[\u0000-\u001f\u007f@:]/.test(n)) return 'a shop name cannot hold @, : or control characters';
  return null;
}

/** The source (part of the order key) of a named shop's orders: `shopify@outlet-store`. */
export function shopSource(source: string, shop: string): string {
  const slug = cleanShopName(shop)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${source}@${slug || 'shop'}`;
}
