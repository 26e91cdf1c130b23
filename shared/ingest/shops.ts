// Two own shops number their orders the same way (#1001, #1002 ...): an order number alone does
// not say which shop. An import of own-shop orders that would change orders another file wrote,
// with another date, amount, currency or buyer, is a question for the analyst, never a silent update:
// the same shop (update them) or another shop (its orders get their own key, nothing merges).
import type { Order } from '../domain/order';
import type { RecordKind } from './fields';

/**
 * The facts that never change for one shop's order: when it was placed, its total and currency; and
 * who placed it, as far as the file says (e-mail, customer id, name).
 */
export type OrderFacts = Pick<Order, 'externalId' | 'createdAt' | 'totalMinor' | 'currency'> & Partial<Pick<Order, 'email' | 'customerId' | 'shipName'>>;

export type FactDifference = 'date' | 'amount' | 'currency' | 'buyer';

/** Times within a minute are the same placement (an export rounds to the minute). */
const SAME_TIME_MS = 60_000;

const folded = (s: string | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A placement time that may be a date-only export's midnight, in any zone: on a quarter hour. A file
 * whose times all are cannot tell orders apart by time (ShopClash's dateOnly); in a file timed to the
 * minute or second, the same time, total and currency with another buyer is the order corrected.
 */
export const onQuarterHour = (t: number) => t % 900_000 === 0;

/**
 * Another buyer placed it: every one of e-mail, customer id and name that both versions have
 * differs. A shop's corrected export changes one of them (a typo in the e-mail), not all; another
 * shop's order of the same number placed the same day for the same amount (a date-only export and
 * a popular price make that likely) has another buyer. Nothing to compare says nothing.
 */
function buyerDiffers(stored: OrderFacts, incoming: OrderFacts): boolean {
  let compared = 0;
  for (const [a, b] of [
    [folded(stored.email), folded(incoming.email)],
    [(stored.customerId ?? '').trim(), (incoming.customerId ?? '').trim()],
    [folded(stored.shipName), folded(incoming.shipName)],
  ] as const) {
    if (a === '' || b === '') continue;
    if (a === b) return false;
    compared++;
  }
  return compared > 0;
}

/** The facts of an order, nothing else of it; absent buyer fields stay absent. */
export function factsOf(o: OrderFacts): OrderFacts {
  const out: OrderFacts = { externalId: o.externalId, createdAt: o.createdAt, totalMinor: o.totalMinor, currency: o.currency };
  if (o.email) out.email = o.email;
  if (o.customerId) out.customerId = o.customerId;
  if (o.shipName) out.shipName = o.shipName;
  return out;
}

/**
 * How an incoming order's facts differ from the stored order of the same number; [] when they agree.
 * `dateOnly`: the incoming file's times cannot tell orders apart (every one on a quarter hour), so
 * the buyer is compared too where both times are on one.
 */
export function factDifferences(stored: OrderFacts, incoming: OrderFacts, dateOnly = true): FactDifference[] {
  const out: FactDifference[] = [];
  if (Math.abs(stored.createdAt - incoming.createdAt) >= SAME_TIME_MS) out.push('date');
  if (stored.currency !== incoming.currency) out.push('currency');
  else if (stored.totalMinor !== incoming.totalMinor) out.push('amount');
  if (dateOnly && onQuarterHour(stored.createdAt) && onQuarterHour(incoming.createdAt) && buyerDiffers(stored, incoming)) out.push('buyer');
  return out;
}

/** Asked when own-shop orders of a file would change stored orders of the same numbers. */
export interface ShopClashQuestion {
  kind: 'clash';
  /** The file being imported. */
  file: string;
  /** The shop the file was read as (null: the own shop, unnamed); "same shop" updates that shop's orders. */
  shop: string | null;
  /** Its orders whose number exists with other facts. */
  orders: number;
  /** Lowest and highest of those order numbers (numeric-aware). */
  first: string;
  last: string;
  /** The files that wrote the stored versions (a few), and how many files in all. */
  from: string[];
  fromCount: number;
  differs: FactDifference[];
  /** One clashing order, both versions, and how those two differ. */
  example: { stored: OrderFacts; incoming: OrderFacts; differs: FactDifference[] };
  /** Shop names already in the cache, to offer as answers. */
  shops: string[];
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Collects the clashes of one file, order by order. */
export class ShopClash {
  private readonly numbers: string[] = [];
  private readonly files = new Set<string>();
  private readonly kinds = new Set<FactDifference>();
  private example: ShopClashQuestion['example'] | null = null;

  /** `dateOnly`: every time in the file is on a quarter hour (factDifferences). */
  constructor(private readonly dateOnly = true) {}

  /** Adds one order that exists; returns whether its facts clash. */
  add(stored: OrderFacts, storedFile: string, incoming: OrderFacts): boolean {
    const d = factDifferences(stored, incoming, this.dateOnly);
    if (d.length === 0) return false;
    this.numbers.push(incoming.externalId);
    this.files.add(storedFile);
    for (const k of d) this.kinds.add(k);
    // Only the facts compared go into the question (the stored version is a whole order).
    this.example ??= { stored: factsOf(stored), incoming: factsOf(incoming), differs: d };
    return true;
  }

  question(file: string, shop: string | null, shops: readonly string[]): ShopClashQuestion | null {
    if (!this.example) return null;
    const sorted = [...this.numbers].sort(byNumber);
    const from = [...this.files].sort();
    return {
      kind: 'clash',
      file,
      shop,
      orders: sorted.length,
      first: sorted[0]!,
      last: sorted[sorted.length - 1]!,
      from: from.slice(0, 3),
      fromCount: from.length,
      differs: (['date', 'amount', 'currency', 'buyer'] as const).filter((k) => this.kinds.has(k)),
      example: this.example,
      shops: [...shops],
    };
  }
}

const DIFFERENCE_WORDS: Record<FactDifference, string> = { date: 'dates', amount: 'amounts', currency: 'currencies', buyer: 'buyers' };

/** "40 orders #1001–#1040 exist from orders_export.csv with other dates and amounts". */
export function describeShopQuestion(q: ShopClashQuestion): string {
  const range = q.orders === 1 ? `order ${q.first} exists` : `${q.orders.toLocaleString('en')} orders ${q.first}–${q.last} exist`;
  const files = q.from.join(', ') + (q.fromCount > q.from.length ? ` and ${q.fromCount - q.from.length} more files` : '');
  const what = q.differs.map((d) => DIFFERENCE_WORDS[d]);
  const words = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0];
  return `${range[0]!.toUpperCase()}${range.slice(1)} from ${files} with other ${words}`;
}

/**
 * Asked when the cache holds more than one own shop and a file of own-shop orders, or of payments
 * or disputes that refer to them, does not say which shop it is from: order numbers alone cannot.
 */
export interface WhichShopQuestion {
  kind: 'which';
  file: string;
  /** The format the file was read as, and what its records are. */
  format: { id: string; label: string; records: RecordKind };
  /** Named shops in the cache; the own shop (unnamed) is always an answer too. */
  shops: string[];
  /** The shop last chosen for a file of this format (null: the own shop); absent when never asked. */
  remembered?: string | null;
}

export type ShopQuestion = ShopClashQuestion | WhichShopQuestion;

/**
 * What the analyst answered: the shop the file is from (null: the own shop, unnamed), and whether
 * its orders may update stored orders of that shop with other dates, amounts or currencies
 * (answered "same shop" to a clash). Without `update`, such a file still asks.
 */
export interface ShopChoice {
  shop: string | null;
  update?: boolean;
}

/** How the own shop, the one whose orders are keyed without a name, is called wherever a shop is chosen. */
export const OWN_SHOP_LABEL = 'Own shop';

/** "Own shop", or the shop's name. */
export const shopLabel = (shop: string | null | undefined): string => (shop ? shop : OWN_SHOP_LABEL);

/** The question's headline: what was found and what is asked. */
export function shopQuestionText(q: ShopQuestion): string {
  if (q.kind === 'clash') return `${describeShopQuestion(q)}: the same shop, or another shop?`;
  const shops = [OWN_SHOP_LABEL, ...q.shops];
  return `The cache holds orders of ${shops.length} own shops (${shops.join(', ')}): which shop are the ${q.format.records} in ${q.file} from?`;
}

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

/**
 * Why `name` cannot be another shop than the `known` ones: a shop's orders are keyed by a slug of
 * its name (shopSource), which keeps only letters a-z and digits, so "Shop+" and "Shop", or two
 * names in other scripts, would key their orders alike and one shop's order #1001 would overwrite
 * the other's. Null when no known shop of another name has its slug.
 */
export function shopKeyClash(name: string, known: readonly string[]): string | null {
  const n = cleanShopName(name);
  const names = known.map(cleanShopName);
  // A shop already named is that shop, even if an older name clashes with it: refusing both would
  // leave neither importable.
  if (names.includes(n)) return null;
  const slug = shopSource('', n);
  const other = names.find((k) => shopSource('', k) === slug);
  if (other === undefined) return null;
  return `“${n}” would file its orders under the same key as the shop “${other}” (order keys keep only the letters a-z and digits of a shop's name): if it is that shop, choose “${other}”; if not, give it a name that differs in those letters or digits`;
}
