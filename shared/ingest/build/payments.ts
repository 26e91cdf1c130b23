// A payments-export row to a Payment, and to a Dispute when the row's dispute columns are filled
// (Stripe writes a charge's dispute on the charge's own row).
import { orderReference } from '../../orders/paymentFacts';
import type { Dispute } from '../../domain/dispute';
import type { Payment } from '../../domain/payment';
import { hashFields } from '../contentHash';
import { DISPUTE_HASH_FIELDS, PAYMENT_HASH_FIELDS, disputeHash, scopeOf, type ParsedRecord } from '../records';
import { cardNetworkOf, disputeStageOf, disputeStatusOf, paymentStatusOf } from '../vocabulary';
import { cardCells, cardCheckCells, cardChecksProvided } from './cardCells';
import { amountAt, countryCell, optionalAmountCell, recordCurrency, dateCell, minorUnits, outcomeCell, zoneCell } from './cells';
import type { BuildContext, RowGroup } from './context';

const WHAT = 'payment';

function paymentProvided(ctx: BuildContext): string[] {
  const m = (field: string) => ctx.mapped(ctx.f(field));
  const out = new Set<string>(['id', 'provider', 'createdAt', 'amountMinor', 'currency', 'status']);
  for (const f of ['orderRef', 'email', 'ip', 'deviceId', 'sessionId', 'cardFingerprint', 'cardBrand', 'cardCountry']) if (m(f)) out.add(f);
  for (const c of cardChecksProvided(ctx)) out.add(c);
  if (m('knownOutcome')) out.add('knownOutcome');
  if (m('cardNumber') || m('cardBin')) out.add('cardBin');
  if (m('cardNumber') || m('cardLast4')) out.add('cardLast4');
  if (m('cardExpiry') || (m('cardExpMonth') && m('cardExpYear'))) out.add('cardExpiry');
  return PAYMENT_HASH_FIELDS.filter((f) => out.has(f));
}

function paymentFieldIndices(ctx: BuildContext) {
  const f = (name: string) => ctx.f(name);
  return {
    amount: f('amount'),
    amountRefunded: f('amountRefunded'),
    cardCountry: f('cardCountry'),
    createdAt: f('createdAt'),
    createdTime: f('createdTime'),
    currency: f('currency'),
    deviceId: f('deviceId'),
    sessionId: f('sessionId'),
    disputeAmount: f('disputeAmount'),
    disputeDueAt: f('disputeDueAt'),
    disputeId: f('disputeId'),
    disputeOpenedAt: f('disputeOpenedAt'),
    disputeReason: f('disputeReason'),
    disputeStatus: f('disputeStatus'),
    email: f('email'),
    id: f('id'),
    knownOutcome: f('knownOutcome'),
    ip: f('ip'),
    orderRef: f('orderRef'),
    status: f('status'),
    timeZone: f('timeZone'),
  };
}

export class PaymentBuilder {
  private readonly F: ReturnType<typeof paymentFieldIndices>;
  private readonly provided: readonly string[];
  private readonly scope: string;
  private readonly disputeScope = scopeOf('dispute', DISPUTE_HASH_FIELDS);

  constructor(private readonly ctx: BuildContext) {
    this.F = paymentFieldIndices(ctx);
    this.provided = paymentProvided(ctx);
    this.scope = scopeOf('payment', this.provided);
  }

  keyField(): number {
    return this.F.id;
  }

  build(g: RowGroup): void {
    const { ctx } = this;
    const { F } = this;
    const createdAt = dateCell(ctx, g, F.createdAt, 'payment date', true, WHAT, zoneCell(ctx, g, F.timeZone), F.createdTime);
    if (createdAt === null) return;
    const currency = recordCurrency(ctx, g, F.currency, [F.amount, F.amountRefunded, F.disputeAmount], WHAT);
    if (currency === null) return;
    const amountAtCell = ctx.locate(g, F.amount);
    if (amountAtCell.value === '') {
      ctx.fail(g, amountAtCell.row, amountAtCell.column, 'missing-value', `${ctx.fieldLabel(F.amount)} is empty; the amount is required`, WHAT);
      return;
    }
    const amount4 = amountAt(ctx, g, amountAtCell.row, amountAtCell.column, WHAT);
    if (Number.isNaN(amount4)) return;
    const amountMinor = minorUnits(ctx, g, amount4, currency, amountAtCell.row, amountAtCell.column, WHAT);
    if (Number.isNaN(amountMinor)) return;
    // A payment below zero (`(12.50)`, `-12.50`) is no payment taken: a refund or a reversal written
    // as one? Kept as written, and said, as an order's total below zero is.
    if (amountMinor < 0)
      ctx.messages.warn(
        'negative-amount',
        `payments with an amount below zero were stored as written; check whether they are refunds or reversals`,
        g.lines[0],
      );
    const refundedAt = optionalAmountCell(ctx, g, F.amountRefunded);
    const refunded4 = refundedAt === null ? 0 : amountAt(ctx, g, refundedAt.row, refundedAt.column, WHAT);
    if (Number.isNaN(refunded4)) return;
    const outcome = outcomeCell(ctx, g, F.knownOutcome, WHAT);
    if (outcome === null) return;
    const card = cardCells(ctx, g);
    const options = ctx.preset.options;
    const payment: Payment = {
      id: g.key,
      provider: options.source,
      // A description like "Shopify order #1001" carries the order number among other words.
      orderRef: orderReference(ctx.identifier(g, F.orderRef)),
      // Which shop's orders the reference numbers (not part of the content hash: a file read again
      // is unchanged; the shop it is imported for is the analyst's answer, not the file's content).
      ...(options.orderSource ? { orderSource: options.orderSource } : {}),
      createdAt,
      amountMinor,
      currency,
      status: paymentStatusOf(ctx.first(g, F.status), amount4, refunded4),
      email: ctx.text(g, F.email),
      ip: ctx.text(g, F.ip),
      cardBin: card.cardBin,
      cardLast4: card.cardLast4,
      cardExpiry: card.cardExpiry,
      cardFingerprint: card.cardFingerprint,
      cardBrand: card.cardBrand,
      cardCountry: countryCell(ctx, g, F.cardCountry),
      ...(ctx.mapped(F.deviceId) ? { deviceId: ctx.identifier(g, F.deviceId) } : {}),
      ...(ctx.mapped(F.sessionId) ? { sessionId: ctx.identifier(g, F.sessionId) } : {}),
      ...cardCheckCells(ctx, g),
      ...(outcome ? { knownOutcome: outcome } : {}),
    };
    const dispute = this.dispute(g, payment);
    if (dispute === null) return;
    const record: ParsedRecord = {
      kind: 'payment',
      key: payment.id,
      value: payment,
      hash: hashFields(payment, this.provided),
      scope: this.scope,
      provided: this.provided,
      line: g.lines[0]!,
      lines: g.lines.length > 1 ? g.lines.slice() : null,
      rows: g.lines.length,
    };
    if (dispute) {
      record.companions = [
        {
          kind: 'dispute',
          key: dispute.id,
          value: dispute,
          hash: disputeHash(dispute),
          scope: this.disputeScope,
          provided: DISPUTE_HASH_FIELDS,
          line: record.line,
          lines: record.lines,
          rows: 0,
        },
      ];
    }
    ctx.out.records.push(record);
  }

  /** The row's dispute; undefined when it has none, null after setting the row aside. */
  private dispute(g: RowGroup, payment: Payment): Dispute | undefined | null {
    const { ctx } = this;
    const { F } = this;
    const statusText = ctx.first(g, F.disputeStatus);
    const reason = ctx.first(g, F.disputeReason);
    const amountCell = optionalAmountCell(ctx, g, F.disputeAmount);
    const disputed4 = amountCell === null ? NaN : amountAt(ctx, g, amountCell.row, amountCell.column, WHAT);
    if (amountCell !== null && Number.isNaN(disputed4)) return null;
    // Some exports write `0.00` as the disputed amount of every charge: with no state, reason or
    // date beside it, that says the charge was never disputed, not that a dispute lacks its date.
    const dated = ctx.first(g, F.disputeOpenedAt) !== '' || ctx.first(g, F.disputeDueAt) !== '' || ctx.first(g, F.disputeId) !== '';
    if (statusText === '' && reason === '' && (amountCell === null || (disputed4 === 0 && !dated))) return undefined;
    const openedAt = dateCell(ctx, g, F.disputeOpenedAt, 'dispute date (the row has dispute columns)', true, WHAT);
    if (openedAt === null) return null;
    const dueAt = dateCell(ctx, g, F.disputeDueAt, 'evidence due date', false, WHAT, ctx.zone, -1, true);
    if (dueAt === null) return null;
    let amountMinor = payment.amountMinor;
    if (amountCell !== null) {
      amountMinor = minorUnits(ctx, g, disputed4, payment.currency, amountCell.row, amountCell.column, WHAT);
      if (Number.isNaN(amountMinor)) return null;
    }
    let status = disputeStatusOf(statusText);
    if (status === null) {
      if (statusText !== '')
        ctx.messages.warn(
          'unknown-dispute-status',
          `${ctx.fieldLabel(F.disputeStatus)} has dispute states the import does not know; such disputes were read as new`,
          g.lines[0],
        );
      status = 'new';
    }
    const stage = disputeStageOf(statusText);
    const orderSource = ctx.preset.options.orderSource;
    return {
      // The payments export has no dispute id; a charge has at most one dispute, so derive it.
      id: ctx.identifier(g, F.disputeId) || `${payment.id}/dispute`,
      provider: payment.provider,
      paymentId: payment.id,
      orderKey: payment.orderRef && orderSource ? `${orderSource}:${payment.orderRef}` : '',
      network: cardNetworkOf(payment.cardBrand, reason) ?? 'stripe',
      reasonCode: reason,
      amountMinor,
      currency: payment.currency,
      openedAt,
      dueAt,
      status,
      ...(stage ? { stage } : {}),
    };
  }
}
