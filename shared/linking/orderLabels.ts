// What ranking needs of an order beyond the cache's key columns, per index position: its order
// key (the ring id is its first member's), its currency and whether a labelled export said it was
// fraud (what hub judgement weighs). Kept with the key index, so rings rank without decoding any
// order's text.
import { orderKey, type Order } from '../domain/order';

export interface OrderLabelsState {
  /** Order keys (`source:externalId`) concatenated; position i ends at keyEnd[i]. */
  keyText: string;
  keyEnd: Int32Array;
  /** Index into `currencies` per position. */
  currency: Uint16Array;
  currencies: string[];
  /** Positions whose order a labelled export called fraud (knownOutcome), ascending: few or none. */
  knownFraud: Int32Array;
}

export class OrderLabels {
  private base: OrderLabelsState = { keyText: '', keyEnd: new Int32Array(0), currency: new Uint16Array(0), currencies: [], knownFraud: new Int32Array(0) };
  private readonly fraud = new Set<number>();
  private readonly added: string[] = [];
  private addedCurrency = new Uint16Array(1024);
  private readonly currencyCode = new Map<string, number>();
  private readonly currencies: string[] = [];

  static restore(s: OrderLabelsState): OrderLabels {
    const l = new OrderLabels();
    l.base = s;
    for (const i of s.knownFraud) l.fraud.add(i);
    s.currencies.forEach((c, i) => {
      l.currencies.push(c);
      l.currencyCode.set(c, i);
    });
    return l;
  }

  get length(): number {
    return this.base.keyEnd.length + this.added.length;
  }

  add(orders: readonly Pick<Order, 'source' | 'externalId' | 'currency' | 'knownOutcome'>[]): void {
    const first = this.length;
    const at = this.added.length;
    if (this.addedCurrency.length < at + orders.length) {
      const grown = new Uint16Array(Math.max(at + orders.length, this.addedCurrency.length * 2));
      grown.set(this.addedCurrency);
      this.addedCurrency = grown;
    }
    orders.forEach((o, j) => {
      this.added.push(orderKey(o));
      let c = this.currencyCode.get(o.currency);
      if (c === undefined) {
        c = this.currencies.push(o.currency) - 1;
        this.currencyCode.set(o.currency, c);
      }
      this.addedCurrency[at + j] = c;
      if (o.knownOutcome === 'fraud') this.fraud.add(first + j);
    });
  }

  orderKey(i: number): string {
    const n = this.base.keyEnd.length;
    if (i >= n) return this.added[i - n] as string;
    const end = this.base.keyEnd;
    return this.base.keyText.slice(i === 0 ? 0 : (end[i - 1] as number), end[i] as number);
  }

  currency(i: number): string {
    const n = this.base.keyEnd.length;
    return this.currencies[(i >= n ? this.addedCurrency[i - n] : this.base.currency[i]) as number] as string;
  }

  /**
   * Whether the order at position i was labelled fraud; undefined when none was, so linking asks
   * nothing per order of an unlabelled cache.
   */
  knownFraud(): ((i: number) => boolean) | undefined {
    const fraud = this.fraud;
    return fraud.size ? (i) => fraud.has(i) : undefined;
  }

  state(): OrderLabelsState {
    const n = this.base.keyEnd.length;
    const total = n + this.added.length;
    const keyEnd = new Int32Array(total);
    keyEnd.set(this.base.keyEnd);
    let at = n ? (this.base.keyEnd[n - 1] as number) : 0;
    this.added.forEach((k, j) => {
      at += k.length;
      keyEnd[n + j] = at;
    });
    const currency = new Uint16Array(total);
    currency.set(this.base.currency);
    currency.set(this.addedCurrency.subarray(0, this.added.length), n);
    const knownFraud = Int32Array.from(this.fraud).sort();
    return { keyText: this.base.keyText + this.added.join(''), keyEnd, currency, currencies: [...this.currencies], knownFraud };
  }
}
