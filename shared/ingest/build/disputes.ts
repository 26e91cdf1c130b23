// Dispute rows to Disputes. Reports such as Adyen's write one row per event of a dispute
// (notification, chargeback, reversal…): each row is read on its own, then a dispute's events merge,
// the latest event deciding the status.
import type { Dispute, DisputeEscalation, DisputeStage, DisputeStatus } from '../../domain/dispute';
import { DISPUTE_HASH_FIELDS, disputeHash, scopeOf } from '../records';
import { cardNetworkOf, disputeEscalationOf, disputeStageOf, disputeStatusOf, isFollowUpState, stateCell } from '../vocabulary';
import { reasonFamily } from '../../disputes/reasonCodes';
import { amountAt, optionalAmountCell, recordCurrency, dateCell, minorUnits, zoneCell } from './cells';
import { paypalClaimKind } from '../claimKinds';
import { orderReference } from '../../orders/paymentFacts';
import { ClaimBuilder } from './claims';
import { RowGroup, type BuildContext } from './context';

const WHAT = 'dispute event';

interface DisputeEvent {
  line: number;
  order: number;
  paymentId: string;
  orderRef: string;
  reasonCode: string;
  /** The reason in words, where the file gives them (Adyen's Dispute Reason). */
  reasonText: string;
  network: string;
  amountMinor: number;
  currency: string;
  /** When the row's event happened: its own column's date where the report has one, else its opened date. */
  at: number;
  /** Whether `at` is the row's own event date (not its opened date). */
  timed: boolean;
  /** When the row says the dispute was opened. */
  openedAt: number;
  dueAt: number;
  status: DisputeStatus | null;
  /** What the row's state or record type says the record is, null for a chargeback. */
  stage: DisputeStage | null;
  /** The row only follows up the one before (an answer supplied): its stage says nothing. */
  followUp: boolean;
  /** How far past the first chargeback the row's record type says the issuer went. */
  escalation: DisputeEscalation | null;
}

export class DisputeBuilder {
  private readonly scope = scopeOf('dispute', DISPUTE_HASH_FIELDS);
  private readonly single = new RowGroup();
  /** A report that lists buyer claims among its cases (a case type column) hands those to this builder. */
  private readonly claims: ClaimBuilder | null;

  constructor(private readonly ctx: BuildContext) {
    this.claims = ctx.mapped(ctx.f('caseType')) ? new ClaimBuilder(ctx, 'reasonCode') : null;
  }

  keyField(): number {
    return this.ctx.f('id');
  }

  build(g: RowGroup): void {
    if (this.claims) {
      // A buyer's claim is answered to PayPal, not to a card network: a refund claim, not a chargeback.
      const kind = paypalClaimKind(this.ctx.first(g, this.ctx.f('caseType')), this.ctx.first(g, this.ctx.f('reasonCode')));
      if (kind) {
        this.claims.buildAs(g, kind);
        return;
      }
    }
    const events: DisputeEvent[] = [];
    for (let r = 0; r < g.rows.length; r++) {
      this.single.reset(g.key);
      this.single.add(g.rows[r]!, g.lines[r]!);
      const e = this.event(this.single, r);
      if (e) events.push(e);
    }
    if (events.length > 0) this.merge(g.key, events);
  }

  /** One row read on its own; null after setting that row aside. */
  private event(g: RowGroup, order: number): DisputeEvent | null {
    const { ctx } = this;
    const f = (name: string) => ctx.f(name);
    const zone = zoneCell(ctx, g, f('timeZone'));
    const openedAt = dateCell(ctx, g, f('openedAt'), 'dispute date', true, WHAT, zone);
    if (openedAt === null) return null;
    const eventAt = dateCell(ctx, g, f('eventAt'), 'event date', false, WHAT, zone);
    if (eventAt === null) return null;
    const dueAt = dateCell(ctx, g, f('dueAt'), 'due date', false, WHAT, zone, -1, true);
    if (dueAt === null) return null;
    const reasonCode = reasonCodeOf(ctx.values(g, f('reasonCode')), ctx.first(g, f('network')));
    const statusText = stateCell(ctx.values(g, f('status')));
    const currency = recordCurrency(ctx, g, f('currency'), [f('amount')], WHAT);
    if (currency === null) return null;
    const amountCell = optionalAmountCell(ctx, g, f('amount'));
    let amountMinor = 0;
    if (amountCell !== null) {
      const a = amountAt(ctx, g, amountCell.row, amountCell.column, WHAT);
      if (Number.isNaN(a)) return null;
      amountMinor = minorUnits(ctx, g, Math.abs(a), currency, amountCell.row, amountCell.column, WHAT);
      if (Number.isNaN(amountMinor)) return null;
    }
    const escalation = disputeEscalationOf(statusText);
    const at = eventAt || openedAt;
    // A second chargeback is lost unless its row gives a new defence period: then the merchant may
    // still answer it, and it is open until that deadline.
    const status = escalation === 'second_chargeback' && dueAt > at ? 'new' : disputeStatusOf(statusText);
    if (status === null && statusText !== '') {
      ctx.messages.warn(
        'unknown-dispute-status',
        `${ctx.fieldLabel(f('status'))} has dispute states the import does not know; those rows change no status (a dispute new to the cache is read as new)`,
        g.lines[0],
      );
    }
    return {
      line: g.lines[0]!,
      order,
      paymentId: ctx.identifier(g, f('paymentId')),
      // The order number in a charge description ("Order #1001 - 2 items"), as the payments export reads it.
      orderRef: orderReference(ctx.identifier(g, f('orderRef'))),
      reasonCode,
      reasonText: ctx.first(g, f('reasonText')),
      network: ctx.first(g, f('network')),
      amountMinor,
      currency,
      at,
      timed: eventAt !== 0,
      openedAt,
      dueAt,
      status,
      stage: disputeStageOf(statusText),
      followUp: isFollowUpState(statusText),
      escalation,
    };
  }

  private merge(id: string, events: DisputeEvent[]): void {
    const { ctx } = this;
    // Chronological, file order breaking ties: the last event is the dispute's current state.
    events.sort((a, b) => a.at - b.at || a.order - b.order);
    const latest = events[events.length - 1]!;
    const pick = (k: 'paymentId' | 'orderRef' | 'network') => events.find((e) => e[k] !== '')?.[k] ?? '';
    let reasonCode = '';
    let reasonText = '';
    let escalation: DisputeEscalation | null = null;
    let amountMinor = 0;
    let currency = latest.currency;
    let dueAt = 0;
    let status: DisputeStatus = 'new';
    let statusAt: number | undefined;
    for (const e of events) {
      if (e.reasonCode !== '') reasonCode = e.reasonCode;
      if (e.reasonText !== '') reasonText = e.reasonText;
      if (e.escalation !== null) escalation = e.escalation;
      if (e.amountMinor !== 0) {
        amountMinor = e.amountMinor;
        currency = e.currency;
      }
      if (e.dueAt !== 0) dueAt = e.dueAt;
      if (e.status !== null) {
        status = e.status;
        statusAt = e.timed ? e.at : undefined;
      }
    }
    const paymentId = pick('paymentId');
    const orderRef = pick('orderRef');
    const lines = events.map((e) => e.line).sort((a, b) => a - b);
    // A dispute whose rows give no reason code is still money at stake with a deadline: it is kept,
    // its reason read from the words the file gives, else as no code given (reasonInfo).
    // A brand the app has no table for (Adyen's `jcb`, `cup`, `cartebancaire`) is still a card: its
    // chargeback is kept under another network rather than set aside with its deadline.
    const brand = pick('network');
    const network = cardNetworkOf(brand, reasonCode) ?? ctx.preset.options.defaultNetwork ?? (brand !== '' ? 'other' : null);
    if (network === null) {
      this.failAll(id, lines, 'network', 'the card network is unknown: no card brand in the row and a reason code that belongs to no network', 'invalid-value');
      return;
    }
    const orderSource = ctx.preset.options.orderSource;
    // Opened when any row says it was, or at its first event: no event comes before the dispute.
    const dispute: Dispute = {
      id,
      provider: ctx.preset.options.source,
      paymentId,
      orderKey: orderRef && orderSource ? `${orderSource}:${orderRef}` : '',
      network,
      reasonCode,
      amountMinor,
      currency,
      openedAt: events.reduce((t, e) => Math.min(t, e.openedAt, e.at), Infinity),
      dueAt,
      status,
    };
    // The words only name a dispute that has no code (reasonInfo), and a dispute with one hashes as
    // before they were read: a file read again stays unchanged. Cut to what a backup keeps (recordSchemas).
    if (reasonCode === '' && reasonText !== '') dispute.reasonText = reasonText.slice(0, 200);
    // The brand the file named, for the analyst, where the network the rules read is `other`.
    if (network === 'other' && brand !== '') dispute.brand = brand.slice(0, 50);
    if (escalation) dispute.escalation = escalation;
    // A chargeback once any of its rows is one: an inquiry or a fraud report escalated to it. Rows
    // that only follow up (an answer supplied) take the stage of the rows before them, or of the cache.
    const staged = events.filter((e) => !e.followUp);
    const stage = staged.length === 0 || staged.some((e) => e.stage === null) ? null : staged[staged.length - 1]!.stage;
    if (stage) dispute.stage = stage;
    if (statusAt !== undefined) dispute.statusAt = statusAt;
    // Escalated in this file: an inquiry or a fraud report first, a chargeback row later. The
    // schemes count the chargeback when it was raised, not when the inquiry opened.
    const raised = staged.findIndex((e) => e.stage === null);
    if (raised > 0 && staged[raised]!.at > dispute.openedAt) dispute.chargebackAt = staged[raised]!.at;
    // Rows that name no state the import knows (a warning says so) leave the cache's status as it is.
    const provided = events.some((e) => e.status !== null) ? DISPUTE_HASH_FIELDS : DISPUTE_HASH_FIELDS.filter((f) => f !== 'status');
    ctx.out.records.push({
      ...(staged.length === 0 ? { followsUp: true as const } : {}),
      kind: 'dispute',
      key: id,
      value: dispute,
      hash: disputeHash(dispute),
      scope: this.scope,
      provided,
      line: lines[0]!,
      lines: lines.length > 1 ? lines : null,
      rows: lines.length,
    });
  }

  private failAll(id: string, lines: readonly number[], field: string, reason: string, code: 'missing-value' | 'invalid-value'): void {
    const g = new RowGroup();
    g.reset(id);
    for (const line of lines) g.add([], line);
    this.ctx.fail(g, 0, this.ctx.resolved.columns[this.ctx.f(field)]![0] ?? -1, code, reason, 'dispute');
  }
}

/**
 * The reason code among the values of the reason columns: a value the reason tables know (`10.4`,
 * `4837`, `fraudulent`) before one they do not, and never a card scheme's name. Adyen's dispute
 * report has a `… Scheme Code` and a `… Reason Code` column per stage, one naming the scheme
 * (`visa`, `mc`) and the other the code, so which column holds the code is read from the values.
 */
export function reasonCodeOf(values: readonly string[], brand: string): string {
  const network = cardNetworkOf(brand, '') ?? '';
  const candidates = values.filter((v) => cardNetworkOf(v, '') === null || /\d/.test(v));
  return candidates.find((v) => reasonFamily(network, v) !== 'unknown') ?? candidates[0] ?? '';
}
