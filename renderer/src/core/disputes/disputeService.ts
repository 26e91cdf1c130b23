// Disputes for the Disputes screen: each with its reason family, its order, its deadline and,
// for Visa 10.4, the CE 3.0 check from local history (orders on the same card); its evidence pack;
// and the submit guard (submitting with evidence missing or after the deadline needs a reason);
// for each open dispute, whether responding is worth its cost (respond or accept).
import { assumedOrderKeys, joinsOrder, paymentsNaming } from '../../../../shared/orders/paymentsNaming';
import { orderRefVariants } from '../../../../shared/orders/paymentFacts';
import { keptNote } from '../../../../shared/domain/cardNumbers';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { ce3Check, isCe3Dispute, type Ce3Result } from '../../../../shared/disputes/ce3';
import { reasonInfo, type ReasonFamily } from '../../../../shared/disputes/reasonCodes';
import type { Dispute, DisputeStatus } from '../../../../shared/domain/dispute';
import {
  acceptCorrection,
  CORRECTION_NEEDS_REASON,
  correctionNote,
  EVIDENCE,
  loggedStatuses,
  movesAt,
  noResponse,
  STATUS_LABEL,
  submitOverrides,
} from '../../../../shared/disputes/workflow';
import { evidencePack, type EvidencePack, type PackOrder } from '../../../../shared/disputes/evidence';
import type { Payment } from '../../../../shared/domain/payment';
import { channelLabel, orderKey, type Marketplace, type Order } from '../../../../shared/domain/order';
import { analystName, MetaRepository } from '../storage/metaRepository';
import {
  awaitsAnswer,
  cleanResponseCost,
  defaultResponseCost,
  familyRecord,
  responseHint,
  type CostRates,
  type FamilyRecord,
  type ResponseCostSettings,
} from '../../../../shared/disputes/respondOrAccept';
import { standingDisputes } from '../../../../shared/disputes/standing';
import { disputesAsTheyStand } from './dueWhenLogged';
import { DEFAULT_RATES } from '../../../../shared/reports/sources';
import type { RingService } from '../rings/ringService';
import { PaymentStore } from '../storage/paymentStore';
import { joinedOrderKey } from '../../../../shared/orders/paymentFacts';
import type { KeyInfo } from '../../../../shared/linking/keyIndex';
import type { DisputeEventRecord, WorkbenchDb } from '../storage/schema';
import { AttachmentService, type AttachmentInfo } from './attachmentService';

export interface DisputeRow extends Dispute {
  /** A chargeback, beside refund claims (ClaimRow) in the one deadline list. */
  rowType: 'chargeback';
  family: ReasonFamily;
  reasonLabel: string;
  /** `channel`: where it was sold as the analyst reads it (channelLabel): two shops' #1001 read apart. */
  order: { externalId: string; marketplace: Marketplace; channel: string; totalMinor: number; currency: string; createdAt: number } | null;
  /** The ring its order is in, if any. */
  ringId: string | null;
  /** Visa 10.4 only: does local history give CE 3.0 evidence, and from how many orders. */
  ce3: { qualifies: boolean; priors: number } | null;
  /** Respond or accept, for a dispute still to be answered; null once answered, accepted or closed. */
  hint: ReturnType<typeof responseHint> | null;
}

export interface DisputeDetail extends DisputeRow {
  ce3Check: Ce3Result | null;
  priorOrders: Order[];
  /** Workflow history, newest first. */
  events: DisputeEventRecord[];
  evidence: { item: string; checked: boolean }[];
  /** Files attached to it, oldest first (without their bytes). */
  attachments: AttachmentInfo[];
  /** Accepted in the app while the provider's export still has it open: the status a mistaken accept is corrected back to (acceptCorrection). */
  correctsTo: DisputeStatus | null;
}

const CARD: ReadonlySet<string> = new Set(['card']);
const CUSTOMER: ReadonlySet<string> = new Set(['card', 'email', 'account']);
/** A status note fits the backup's 4,000 characters with what it overrides. */
const MAX_NOTE = 2_000;

/** The family's checklist with what has been ticked, from the dispute's events (newest first). */
function checklist(events: readonly DisputeEventRecord[], family: ReasonFamily): { item: string; checked: boolean }[] {
  const ticked = new Map<string, boolean>();
  for (const e of [...events].reverse()) if (e.kind === 'evidence' && e.item) ticked.set(e.item, e.checked === true);
  return EVIDENCE[family].map((item) => ({ item, checked: ticked.get(item) ?? false }));
}

export class DisputeService {
  readonly attachments: AttachmentService;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly rings: RingService,
    private readonly clock: Clock = systemClock,
  ) {
    this.attachments = new AttachmentService(db, clock);
  }

  async list(): Promise<DisputeRow[]> {
    const ctx = await this.context();
    return ctx.disputes.map((d) => this.row(d, ctx).row);
  }

  async detail(id: string): Promise<DisputeDetail> {
    // The context has read every dispute and workflow event already: the dispute's own come from it.
    const [stored, ctx, attachments] = await Promise.all([this.db.disputes.get(id), this.context(), this.attachments.list(id)]);
    if (!stored) throw new Error(`Dispute ${id} is not in the cache`);
    const events = eventsIn(ctx, id);
    const d = standingOf(ctx, stored, events);
    const { row, check } = this.row(d, ctx);
    const priorKeys = new Set(check?.priors.map((p) => p.orderKey) ?? []);
    return {
      ...row,
      ce3Check: check,
      priorOrders: ctx.orders.filter((o, i) => ctx.live[i] && priorKeys.has(orderKey(o))),
      events,
      evidence: checklist(events, row.family),
      attachments,
      correctsTo: row.status === 'accepted' ? acceptCorrection(ctx.exportedStatus.get(id) ?? stored.status, loggedStatuses(events)) : null,
    };
  }

  /** The evidence pack of one dispute, from the cache: its order, payment, customer history and checks. */
  async evidencePack(id: string): Promise<EvidencePack> {
    // The context has read every dispute and workflow event already: the dispute's own come from it.
    const [stored, ctx, attachments] = await Promise.all([this.db.disputes.get(id), this.context(), this.attachments.list(id)]);
    if (!stored) throw new Error(`Dispute ${id} is not in the cache`);
    const events = eventsIn(ctx, id);
    const d = standingOf(ctx, stored, events);
    // Accepted, the contest is over: a pack would answer a dispute no response goes out for.
    const closed = noResponse(d);
    if (closed) throw new Error(`No evidence pack: ${closed}`);
    const { row, check } = this.row(d, ctx);
    const at = ctx.position.get(d.orderKey);
    const members = at === undefined ? [] : this.customerOrders(at, ctx);
    const orders = members.map((i) => ctx.orders[i]!).sort((a, b) => a.createdAt - b.createdAt);
    const store = new PaymentStore(this.db);
    const payments = orders.length ? await store.byOrderRefs([...new Set(orders.flatMap((o) => orderRefVariants(o.externalId)))]) : [];
    const disputed = stored.paymentId ? await store.get(stored.paymentId) : undefined;
    const byOrder = new Map<string, typeof ctx.disputes>();
    for (const x of ctx.disputes) byOrder.set(x.orderKey, [...(byOrder.get(x.orderKey) ?? []), x]);
    // The payments that join an order as its detail lists them (paymentsNaming.ts): its shop's that fit it,
    // or one joined by assumed shop, marked so. Another own shop's #1001 is another customer's order, and a
    // payment that does not fit the order is no evidence for it. A payment stored without a shop is the default shop's.
    const packOrder = (o: Order): PackOrder => {
      const assumedOrder = (p: Payment) =>
        assumedOrderKeys(p, o, 'shopify')
          .map((k) => ctx.position.get(k))
          .filter((i) => i !== undefined)
          .map((i) => ctx.orders[i]!)[0];
      const naming = paymentsNaming(o, payments, 'shopify', assumedOrder);
      const own = orderKey(o) === d.orderKey && disputed;
      const joined = own ? naming.find((n) => n.payment.id === disputed.id) : naming.find((n) => joinsOrder(n.join) && n.payment.status !== 'failed');
      const payment = own ? disputed : (joined?.payment ?? null);
      return {
        order: o,
        payment,
        disputes: byOrder.get(orderKey(o)) ?? [],
        ...(joined?.join.kind === 'assumed-shop' ? { joinedByAssumedShop: true as const } : {}),
      };
    };
    const history: PackOrder[] = orders.map(packOrder);
    return evidencePack({
      dispute: d,
      family: row.family,
      reasonLabel: row.reasonLabel,
      disputed: history.find((h) => orderKey(h.order) === d.orderKey) ?? null,
      ce3: check,
      history,
      checklist: checklist(events, row.family),
      attachments,
      now: this.clock.now(),
    });
  }

  /**
   * Moves a dispute along its workflow; the change is logged with who, when and why. Submitting
   * with evidence its family needs unticked, or after the deadline, needs a reason: without one
   * nothing changes; with one, the reason and what it overrides are logged with the change. Past
   * its deadline an open dispute is accepted or given the network's outcome (movesAt). Correcting a
   * mistaken accept (acceptCorrection) needs a reason too, and is logged as a correction.
   */
  async setStatus(id: string, to: DisputeStatus, note: string): Promise<void> {
    const { stored, events, standing, exported } = await this.caseOf(id);
    const from = standing.status;
    const now = this.clock.now();
    const reason = keptNote(note).slice(0, MAX_NOTE);
    const correction = from === 'accepted' && to === acceptCorrection(exported, loggedStatuses(events));
    if (correction && !reason) throw new Error(CORRECTION_NEEDS_REASON);
    if (!correction && !movesAt(standing, now).includes(to))
      throw new Error(`A dispute that is ${STATUS_LABEL[from].toLowerCase()} cannot become ${STATUS_LABEL[to].toLowerCase()}`);
    const family = reasonInfo(stored.network, stored.reasonCode, stored.reasonText).family;
    const overrides = submitOverrides({ dueAt: standing.dueAt, evidence: checklist(events, family) }, to, now);
    if (overrides.length && !reason) throw new Error(`Submitting with ${overrides.join(' and ')} needs a reason; nothing was changed`);
    await this.db.disputeEvents.add({
      disputeId: id,
      kind: 'status',
      status: to,
      note: correction ? correctionNote(reason) : overrides.length ? `${reason} — submitted with ${overrides.join(', ')}` : reason,
      analyst: await analystName(this.db, 'dispute-status'),
      at: now,
    });
  }

  /**
   * One dispute as the list and the detail show it: its events (newest first, with those logged under
   * a dispute it stands for), where it stands (every export record of it merged, then its workflow
   * log: a later stage the provider raised since a step was logged, an answered inquiry now a
   * chargeback, is answered from there) and the status its export records give together.
   */
  private async caseOf(id: string): Promise<{ stored: Dispute; events: DisputeEventRecord[]; standing: Dispute; exported: DisputeStatus }> {
    const all = await this.db.disputes.toArray();
    const stored = all.find((d) => d.id === id);
    if (!stored) throw new Error(`Dispute ${id} is not in the cache`);
    const { standsFor } = standingDisputes(all);
    const events = (await this.db.disputeEvents.where('disputeId').anyOf(idsOf(standsFor, id)).sortBy('id')).reverse();
    const merged = await disputesAsTheyStand(this.db, all, [...events].reverse());
    return {
      stored,
      events,
      standing: standingOf(merged, stored, events),
      exported: merged.exportedStatus.get(id) ?? stored.status,
    };
  }

  /** The cost of responding and the fallback win rate: as saved, else the default in the reporting currency. */
  async responseCost(): Promise<ResponseCostSettings> {
    const meta = new MetaRepository(this.db);
    return (await meta.get('responseCost')) ?? defaultResponseCost((await meta.get('reportRates'))?.currency ?? DEFAULT_RATES.currency);
  }

  async saveResponseCost(s: ResponseCostSettings): Promise<ResponseCostSettings> {
    const clean = cleanResponseCost(s, this.clock.now());
    await new MetaRepository(this.db).set('responseCost', clean);
    return clean;
  }

  async setEvidence(id: string, item: string, checked: boolean): Promise<void> {
    // Accepted, nothing is sent: a tick would claim evidence gathered for a response there is none of.
    const closed = (await this.db.disputes.get(id)) ? noResponse((await this.caseOf(id)).standing) : null;
    if (closed) throw new Error(`The evidence checklist is closed: ${closed}`);
    await this.db.disputeEvents.add({
      disputeId: id,
      kind: 'evidence',
      item,
      checked,
      note: '',
      analyst: await analystName(this.db, 'evidence-change'),
      at: this.clock.now(),
    });
  }

  private async context() {
    await this.rings.ensureComputed();
    const { orders, index, live } = await this.rings.current();
    const ringOf = new Map<number, string>();
    for (const r of this.rings.lastRings()) for (const i of r.orders) ringOf.set(i, r.id);
    const [stored, events, cost, rates] = await Promise.all([
      this.db.disputes.toArray(),
      this.db.disputeEvents.orderBy('id').toArray(),
      this.responseCost(),
      new MetaRepository(this.db).get('reportRates'),
    ]);
    // Every dispute with the status its workflow log gives it (the family win rates count the decided
    // ones); one dispute named by two exports counts once, with the workflow logged under either id.
    const standing = await disputesAsTheyStand(this.db, stored, events);
    const { standsFor } = standing;
    const position = new Map<string, number>();
    orders.forEach((o, i) => {
      if (live[i]) position.set(orderKey(o), i);
    });
    // A dispute reaches its order by either spelling of the number (1001 in the PSP's metadata, #1001 in Shopify).
    const disputes = standing.disputes.map((d) => {
      const key = joinedOrderKey(d.orderKey, (k) => position.has(k));
      return key === d.orderKey ? d : { ...d, orderKey: key };
    });
    const hints: { record: FamilyRecord; cost: ResponseCostSettings; rates: CostRates } = {
      record: familyRecord(disputes),
      cost,
      rates: rates ?? DEFAULT_RATES,
    };
    const { exportedStatus } = standing;
    return { orders, index, live, position, ringOf, disputes, disputed: new Set(disputes.map((d) => d.orderKey)), hints, events, standsFor, exportedStatus };
  }

  private row(d: Dispute, ctx: Awaited<ReturnType<DisputeService['context']>>): { row: DisputeRow; check: Ce3Result | null } {
    const info = reasonInfo(d.network, d.reasonCode, d.reasonText);
    const at = ctx.position.get(d.orderKey);
    const o = at === undefined ? null : ctx.orders[at]!;
    let check: Ce3Result | null = null;
    if (isCe3Dispute(d) && o) check = ce3Check(d, this.cardHistory(at!, ctx), ctx.disputed);
    return {
      row: {
        ...d,
        rowType: 'chargeback',
        family: info.family,
        reasonLabel: info.label,
        order: o
          ? {
              externalId: o.externalId,
              marketplace: o.marketplace,
              channel: channelLabel(o),
              totalMinor: o.totalMinor,
              currency: o.currency,
              createdAt: o.createdAt,
            }
          : null,
        ce3: check ? { qualifies: check.qualifies, priors: check.priors.length } : null,
        ringId: at === undefined ? null : (ctx.ringOf.get(at) ?? null),
        hint: awaitsAnswer(d) ? responseHint(d, this.clock.now(), ctx.hints.record, ctx.hints.cost, ctx.hints.rates) : null,
      },
      check,
    };
  }

  /** The order at `at` and every current order sharing one of its keys of the given types. */
  private sharing(
    at: number,
    ctx: Awaited<ReturnType<DisputeService['context']>>,
    types: ReadonlySet<string>,
    take: (k: KeyInfo) => boolean = () => true,
  ): Set<number> {
    const { index, live } = ctx;
    const seen = new Set<number>([at]);
    for (let j = index.orderStart[at]!; j < index.orderStart[at + 1]!; j++) {
      const k = index.orderKeys[j]!;
      const info = index.key(k);
      if (!types.has(info.type) || !take(info)) continue;
      for (let m = index.keyStart[k]!; m < index.keyStart[k + 1]!; m++) if (live[index.keyOrders[m]!]) seen.add(index.keyOrders[m]!);
    }
    return seen;
  }

  /** The order at `at` and every current order sharing one of its card keys. */
  private cardHistory(at: number, ctx: Awaited<ReturnType<DisputeService['context']>>): Order[] {
    return [...this.sharing(at, ctx, CARD)].map((i) => ctx.orders[i]!);
  }

  /**
   * The customer's orders: the same card, e-mail or account as the order at `at`. Only keys that
   * name one person (strong, or a card's BIN + last 4 + expiry), never a hub: a pack goes to the
   * bank and must not carry a stranger's orders.
   */
  private customerOrders(at: number, ctx: Awaited<ReturnType<DisputeService['context']>>): number[] {
    return [...this.sharing(at, ctx, CUSTOMER, (k) => !k.marked && (k.strength === 'strong' || k.rule === 'bin-last4-expiry'))];
  }
}

/**
 * The dispute as the list shows it (its status by the workflow rule, its order by either spelling of
 * its number); one left out of the list for another that stands for it, with its own latest status.
 */
function standingOf(ctx: { disputes: readonly Dispute[] }, stored: Dispute, events: readonly DisputeEventRecord[]): Dispute {
  return ctx.disputes.find((x) => x.id === stored.id) ?? { ...stored, status: events.find((e) => e.kind === 'status')?.status ?? stored.status };
}

/** `id` and the ids of the disputes that stand for it (the same dispute named by two exports). */
function idsOf(standsFor: ReadonlyMap<string, string>, id: string): string[] {
  return [id, ...[...standsFor].filter(([, to]) => to === id).map(([from]) => from)];
}

/** The dispute's workflow events from a context that read them all, newest first, as eventsOf gives them. */
function eventsIn(ctx: { events: readonly DisputeEventRecord[]; standsFor: ReadonlyMap<string, string> }, id: string): DisputeEventRecord[] {
  const ids = new Set(idsOf(ctx.standsFor, id));
  return ctx.events.filter((e) => ids.has(e.disputeId)).reverse();
}
