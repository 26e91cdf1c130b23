// Rows of one order (a Shopify order's line items, an Amazon order's items) to an Order: order
// fields from the first row that has them, totals either from the order total or summed items.
import { orderKey, type Order } from '../../domain/order';
import { hashFields } from '../contentHash';
import { ORDER_HASH_FIELDS, scopeOf, type ParsedRecord } from '../records';
import { orderStatusOf } from '../vocabulary';
import { cardCells, cardCheckCells, cardChecksProvided } from './cardCells';
import { readField, sourceColumn } from '../mapping';
import { amountAt, countryCell, recordCurrency, dateCell, guardedCell, minorUnits, outcomeCell, sumCells } from './cells';
import type { BuildContext, RowGroup } from './context';

const WHAT = 'order';

/** Shopify writes Low / Medium / High (older exports: "Cancel" for high); anything else is kept as ''. */
export function riskLevelOf(raw: string): string {
  const v = raw.trim().toLowerCase();
  if (v === 'high' || v === 'cancel') return 'high';
  return v === 'low' || v === 'medium' ? v : '';
}

/** Order fields that the mapping fills, for the record's scope and merge-on-update. */
export function orderProvided(ctx: BuildContext): string[] {
  const m = (field: string) => ctx.mapped(ctx.f(field));
  const out = new Set<string>(['source', 'externalId', 'marketplace', 'createdAt', 'currency', 'totalMinor']);
  if (m('status') || m('cancelledAt')) out.add('status');
  const direct = [
    'customerId',
    'email',
    'phone',
    'shipName',
    'shipStreet',
    'shipPostcode',
    'shipCity',
    'shipCountry',
    'billCountry',
    'ip',
    'deviceId',
    'sessionId',
    'cardFingerprint',
    'cardBrand',
    'paymentMethod',
    'riskLevel',
  ];
  for (const f of direct) if (m(f)) out.add(f);
  if (m('cardNumber') || m('cardBin')) out.add('cardBin');
  if (m('cardNumber') || m('cardLast4')) out.add('cardLast4');
  if (m('cardExpiry') || (m('cardExpMonth') && m('cardExpYear'))) out.add('cardExpiry');
  for (const c of cardChecksProvided(ctx)) out.add(c);
  if (m('channel') || ctx.preset.options.channel) out.add('channel');
  if (m('knownOutcome')) out.add('knownOutcome');
  return ORDER_HASH_FIELDS.filter((f) => out.has(f));
}

function orderFieldIndices(ctx: BuildContext) {
  const f = (name: string) => ctx.f(name);
  return {
    externalId: f('externalId'),
    createdAt: f('createdAt'),
    currency: f('currency'),
    total: f('total'),
    lineAmount: f('lineAmount'),
    lineDiscount: f('lineDiscount'),
    lineTax: f('lineTax'),
    status: f('status'),
    cancelledAt: f('cancelledAt'),
    customerId: f('customerId'),
    email: f('email'),
    phone: f('phone'),
    shipName: f('shipName'),
    shipStreet: f('shipStreet'),
    shipPostcode: f('shipPostcode'),
    shipCity: f('shipCity'),
    shipCountry: f('shipCountry'),
    billCountry: f('billCountry'),
    ip: f('ip'),
    deviceId: f('deviceId'),
    sessionId: f('sessionId'),
    paymentMethod: f('paymentMethod'),
    riskLevel: f('riskLevel'),
    channel: f('channel'),
    knownOutcome: f('knownOutcome'),
  };
}

/** An order's content hash over its `provided` fields: what every import compares it by. */
export function orderContentHash(order: Order, provided: readonly string[]): string {
  return hashFields(order, provided);
}

export class OrderBuilder {
  private readonly F: ReturnType<typeof orderFieldIndices>;
  private readonly provided: readonly string[];
  private readonly scope: string;
  /** For an order whose rows fill no amount cell (a cancelled Amazon line): its amount is not known, not 0. */
  private readonly providedUnpriced: readonly string[];
  private readonly scopeUnpriced: string;
  private readonly hasChannel: boolean;
  /**
   * Why an order of a file without any amount column (Amazon's Unshipped Orders report) is set aside
   * when the cache does not hold it; null for a file with prices.
   */
  private readonly noPrices: string | null;
  /**
   * The order's own facts and link keys: one order's rows may leave them blank, never write another.
   * Not its total: a file mapped in the wizard may hold each line's price in the column taken for it.
   */
  private readonly onePerOrder: readonly number[];

  constructor(private readonly ctx: BuildContext) {
    this.F = orderFieldIndices(ctx);
    const F = this.F;
    this.onePerOrder = [F.createdAt, F.email, F.customerId, F.ip, F.deviceId].filter((f) => ctx.mapped(f));
    this.provided = orderProvided(ctx);
    this.scope = scopeOf('order', this.provided);
    this.providedUnpriced = this.provided.filter((f) => f !== 'totalMinor' && f !== 'currency');
    this.scopeUnpriced = scopeOf('order', this.providedUnpriced);
    this.hasChannel = this.provided.includes('channel');
    const pricesless = ctx.preset.options.pricesOptional === true && !ctx.mapped(this.F.total) && !ctx.mapped(this.F.lineAmount);
    this.noPrices = pricesless
      ? `${ctx.preset.label} has no prices, and this order is not in the cache yet: an order is not stored without its amount. Import a report of the order with its prices first (for Amazon: the All Orders report), then this file again`
      : null;
  }

  /** Key of a row: the order number. */
  keyField(): number {
    return this.F.externalId;
  }

  build(g: RowGroup): void {
    const { ctx, F } = this;
    const options = ctx.preset.options;
    // A line-item row whose order's first row is elsewhere has none of the order's own fields.
    if (g.rows.length > 0 && this.isOrphan(g)) {
      ctx.fail(
        g,
        0,
        ctx.resolved.columns[F.createdAt]![0] ?? -1,
        'orphan-row',
        "line-item row without its order: the order's first row (with date and total) is not directly above it",
        WHAT,
      );
      return;
    }
    if (g.rows.length > 1 && this.twoOrders(g)) return;
    const createdAt = dateCell(ctx, g, F.createdAt, 'order date', true, WHAT);
    if (createdAt === null) return;
    const currency = recordCurrency(ctx, g, F.currency, [F.total, F.lineAmount, F.lineDiscount], WHAT);
    if (currency === null) return;
    // Rows whose price cells are all empty (an Amazon line still Pending, or Cancelled) say nothing
    // of the amount: not the sum of a discount alone (-5.00), not an amount because a currency is named.
    const hasAmount = ctx.first(g, F.total) !== '' || ctx.first(g, F.lineAmount) !== '';
    const unpricedLines = !this.noPrices && !hasAmount && ctx.mapped(F.lineAmount);
    const totalMinor = this.noPrices || unpricedLines ? 0 : this.total(g, currency);
    if (Number.isNaN(totalMinor)) return;
    // An order's total below zero is no sale (a refund or a credit note exported as an order?): kept as written, and said.
    if (totalMinor < 0)
      ctx.messages.warn('negative-total', `orders with a total below zero were stored as written; check whether they are refunds or credit notes`, g.lines[0]);
    const cancelled = ctx.first(g, F.cancelledAt) !== '';
    let status = options.defaultStatus ?? 'open';
    if (ctx.mapped(F.status) || ctx.mapped(F.cancelledAt)) {
      const s = this.statusOf(ctx.first(g, F.status), cancelled);
      status = s.status;
      if (s.unknown)
        ctx.messages.warn('unknown-status', `${ctx.fieldLabel(F.status)} has status words the import does not know; they were ignored`, g.lines[0]);
    }
    const outcome = outcomeCell(ctx, g, F.knownOutcome, WHAT);
    if (outcome === null) return;
    const card = cardCells(ctx, g);
    const order: Order = {
      externalId: g.key,
      source: options.source,
      currency,
      customerId: ctx.identifier(g, F.customerId),
      email: ctx.text(g, F.email),
      phone: guardedCell(ctx, g, F.phone),
      shipName: ctx.text(g, F.shipName),
      shipStreet: ctx.text(g, F.shipStreet),
      shipPostcode: guardedCell(ctx, g, F.shipPostcode),
      shipCity: ctx.text(g, F.shipCity),
      shipCountry: countryCell(ctx, g, F.shipCountry),
      billCountry: countryCell(ctx, g, F.billCountry),
      ip: ctx.text(g, F.ip),
      deviceId: ctx.identifier(g, F.deviceId),
      cardBin: card.cardBin,
      cardLast4: card.cardLast4,
      cardExpiry: card.cardExpiry,
      cardFingerprint: card.cardFingerprint,
      cardBrand: card.cardBrand,
      paymentMethod: ctx.text(g, F.paymentMethod),
      riskLevel: riskLevelOf(ctx.text(g, F.riskLevel)),
      marketplace: options.marketplace ?? 'shop',
      status,
      createdAt,
      totalMinor,
    };
    // Optional facts are set only when there are some (no spreads: a million rows go through here).
    const checks = cardCheckCells(ctx, g);
    if (checks.cvcCheck) order.cvcCheck = checks.cvcCheck;
    if (checks.avsPostcodeCheck) order.avsPostcodeCheck = checks.avsPostcodeCheck;
    if (checks.avsLine1Check) order.avsLine1Check = checks.avsLine1Check;
    if (checks.threeDs) order.threeDs = checks.threeDs;
    if (ctx.mapped(F.sessionId)) {
      const session = ctx.identifier(g, F.sessionId);
      if (session) order.sessionId = session;
    }
    if (this.hasChannel) order.channel = ctx.text(g, F.channel) || options.channel || '';
    if (outcome) order.knownOutcome = outcome;
    const many = g.lines.length > 1;
    // No total and no line amount in any row: an update keeps the amount (and currency) the cache knows.
    // A file without prices says nothing about the amount, whatever its currency column holds.
    const priced = !this.noPrices && hasAmount;
    // Stored all the same (its buyer and address link rings), without an amount until a report prices it: said, not silent.
    if (unpricedLines)
      ctx.messages.warn(
        'no-amount-yet',
        `orders whose ${ctx.fieldLabel(F.lineAmount)} cells are all empty (not priced yet, or cancelled) were stored without an amount (0.00); a later report with their prices sets it`,
        g.lines[0],
      );
    const provided = priced ? this.provided : this.providedUnpriced;
    const record: ParsedRecord = {
      kind: 'order',
      key: orderKey(order),
      value: order,
      hash: this.ctx.orderHashesLater ? '' : orderContentHash(order, provided),
      scope: priced ? this.scope : this.scopeUnpriced,
      provided,
      line: g.lines[0]!,
      lines: many ? g.lines.slice() : null,
      rows: g.lines.length,
    };
    if (this.noPrices) {
      // Its 0.00 is no amount: the order may only add its address and buyer to the stored one.
      record.updatesOnly = this.noPrices;
      const c = ctx.resolved.columns[F.externalId]![0]!;
      record.keyColumn = { column: c + 1, name: ctx.resolved.header.names[c] ?? '' };
    }
    ctx.out.records.push(record);
  }

  // Status cells repeat (`paid|fulfilled` a million times): remember what they mean.
  private readonly statusMemo = new Map<string, ReturnType<typeof orderStatusOf>>();

  private statusOf(cells: string, cancelled: boolean): ReturnType<typeof orderStatusOf> {
    if (cancelled) return orderStatusOf(cells, true);
    let s = this.statusMemo.get(cells);
    if (!s) {
      s = orderStatusOf(cells, false);
      if (this.statusMemo.size < 1000) this.statusMemo.set(cells, s);
    }
    return s;
  }

  /**
   * Sets the group aside when a later row writes another date, email or link key than the
   * row before it: two orders of one number side by side (two shops' #1001 in one sorted sheet),
   * whose second would otherwise vanish into the first.
   */
  private twoOrders(g: RowGroup): boolean {
    const { ctx } = this;
    for (const f of this.onePerOrder) {
      let first = '';
      let firstRow = 0;
      for (let r = 0; r < g.rows.length; r++) {
        const v = readField(ctx.resolved, f, g.rows[r]!);
        if (v === '') continue;
        if (first === '') {
          first = v;
          firstRow = r;
        } else if (v !== first) {
          const column = sourceColumn(ctx.resolved, f, g.rows[r]!);
          ctx.fail(
            g,
            r,
            column,
            'duplicate-key',
            `${ctx.columnLabel(column)} differs from line ${g.lines[firstRow]!} of the same order number: two orders share the number (two shops' exports in one file? import each on its own), or the column holds a value per line (map a column the order's lines repeat); neither row was read`,
            WHAT,
          );
          return true;
        }
      }
    }
    return false;
  }

  private isOrphan(g: RowGroup): boolean {
    const { ctx, F } = this;
    if (ctx.first(g, F.createdAt) !== '') return false;
    return ctx.first(g, F.total) === '' && ctx.first(g, F.status) === '' && ctx.mapped(F.total);
  }

  /** Order total in minor units: the total column if filled, else items minus discounts. */
  private total(g: RowGroup, currency: string): number {
    const { ctx, F } = this;
    if (ctx.mapped(F.total)) {
      const at = ctx.locate(g, F.total);
      if (at.value !== '') {
        const a = amountAt(ctx, g, at.row, at.column, WHAT);
        return Number.isNaN(a) ? NaN : minorUnits(ctx, g, a, currency, at.row, at.column, WHAT);
      }
      if (!ctx.mapped(F.lineAmount)) {
        ctx.fail(g, 0, at.column, 'missing-value', `${ctx.fieldLabel(F.total)} is empty; the order total is required`, WHAT);
        return NaN;
      }
    }
    const items = sumCells(ctx, g, F.lineAmount, WHAT);
    if (Number.isNaN(items)) return NaN;
    const discounts = sumCells(ctx, g, F.lineDiscount, WHAT, { absolute: true, optional: true });
    if (Number.isNaN(discounts)) return NaN;
    const taxes = this.taxAdded(g) ? sumCells(ctx, g, F.lineTax, WHAT, { optional: true }) : 0;
    if (Number.isNaN(taxes)) return NaN;
    const col = ctx.resolved.columns[F.lineAmount]![0] ?? -1;
    return minorUnits(ctx, g, items - discounts + taxes, currency, 0, col, WHAT);
  }

  /** The order's line taxes are on top of its prices: mapped, and its channel one that prices before tax (PresetOptions.taxAddedFor). */
  private taxAdded(g: RowGroup): boolean {
    const { ctx, F } = this;
    if (!ctx.mapped(F.lineTax)) return false;
    const channels = ctx.preset.options.taxAddedFor;
    if (!channels) return true;
    const channel = ctx.mapped(F.channel) ? ctx.first(g, F.channel).trim().toLowerCase() : '';
    return channel !== '' && channels.some((c) => c.toLowerCase() === channel);
  }
}
