// Disputes for the Disputes screen: each with its reason family, its order, its deadline and,
// for Visa 10.4, the CE 3.0 check from local history (orders on the same card).
import { ce3Check, isCe3Dispute, type Ce3Result } from '../../../shared/disputes/ce3';
import { reasonInfo, type ReasonFamily } from '../../../shared/disputes/reasonCodes';
import type { Dispute } from '../../../shared/domain/dispute';
import { orderKey, type Marketplace, type Order } from '../../../shared/domain/order';
import type { RingService } from './ringService';
import type { WorkbenchDb } from './schema';

export interface DisputeRow extends Dispute {
  family: ReasonFamily;
  reasonLabel: string;
  order: { externalId: string; marketplace: Marketplace; totalMinor: number; currency: string; createdAt: number } | null;
  /** Visa 10.4 only: does local history give CE 3.0 evidence, and from how many orders. */
  ce3: { qualifies: boolean; priors: number } | null;
}

export interface DisputeDetail extends DisputeRow {
  ce3Check: Ce3Result | null;
  priorOrders: Order[];
}

export class DisputeService {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly rings: RingService,
  ) {}

  async list(): Promise<DisputeRow[]> {
    const [disputes, ctx] = await Promise.all([this.db.disputes.toArray(), this.context()]);
    return disputes.map((d) => this.row(d, ctx).row);
  }

  async detail(id: string): Promise<DisputeDetail> {
    const [d, ctx] = await Promise.all([this.db.disputes.get(id), this.context()]);
    if (!d) throw new Error(`Dispute ${id} is not in the cache`);
    const { row, check } = this.row(d, ctx);
    const priorKeys = new Set(check?.priors.map((p) => p.orderKey) ?? []);
    return { ...row, ce3Check: check, priorOrders: ctx.orders.filter((o, i) => ctx.live[i] && priorKeys.has(orderKey(o))) };
  }

  private async context() {
    const { orders, index, live } = await this.rings.current();
    const disputes = await this.db.disputes.toArray();
    const position = new Map<string, number>();
    orders.forEach((o, i) => {
      if (live[i]) position.set(orderKey(o), i);
    });
    return { orders, index, live, position, disputed: new Set(disputes.map((d) => d.orderKey)) };
  }

  private row(d: Dispute, ctx: Awaited<ReturnType<DisputeService['context']>>): { row: DisputeRow; check: Ce3Result | null } {
    const info = reasonInfo(d.network, d.reasonCode);
    const at = ctx.position.get(d.orderKey);
    const o = at === undefined ? null : ctx.orders[at]!;
    let check: Ce3Result | null = null;
    if (isCe3Dispute(d) && o) check = ce3Check(d, this.cardHistory(at!, ctx), ctx.disputed);
    return {
      row: {
        ...d,
        family: info.family,
        reasonLabel: info.label,
        order: o ? { externalId: o.externalId, marketplace: o.marketplace, totalMinor: o.totalMinor, currency: o.currency, createdAt: o.createdAt } : null,
        ce3: check ? { qualifies: check.qualifies, priors: check.priors.length } : null,
      },
      check,
    };
  }

  /** The order at `at` and every current order sharing one of its card keys. */
  private cardHistory(at: number, ctx: Awaited<ReturnType<DisputeService['context']>>): Order[] {
    const { index, orders, live } = ctx;
    const seen = new Set<number>([at]);
    for (let j = index.orderStart[at]!; j < index.orderStart[at + 1]!; j++) {
      const k = index.orderKeys[j]!;
      if (index.keys[k]!.type !== 'card') continue;
      for (let m = index.keyStart[k]!; m < index.keyStart[k + 1]!; m++) if (live[index.keyOrders[m]!]) seen.add(index.keyOrders[m]!);
    }
    return [...seen].map((i) => orders[i]!);
  }
}
