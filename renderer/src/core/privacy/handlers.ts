// The Privacy room: erasing one customer on request (GDPR Art. 17) and the retention period.
// Each is planned first (nothing changes), shown, then applied in one transaction and logged.
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { isDiskFull, savingOrDiskFull } from '../storage/diskFull';
import { ImportHistory } from '../imports/importHistory';
import type { RetentionSummaryRecord } from '../storage/schema';
import type { CoreContext } from '../context';
import { erasedOrdersOf } from './erasureRegister';
import type { ErasedOrders } from '../../../../shared/orders/erasureMarks';
import { applyPersonalDataPlan, planCustomerErasure, planRetention, retentionCutoff, summarise, type PersonalDataPlan, type PlanSummary } from './personalData';

export function privacyHandlers(ctx: CoreContext) {
  // A dispute reaches its order by either spelling of the number: the cache's orders say which is stored.
  const stored = async (keys: ReadonlySet<string>) => {
    await ctx.ready();
    return ctx.store.currentSnapshot().rowsOfKeys(keys);
  };
  let tokens = 0;
  let waiting: { token: number; plan: PersonalDataPlan } | null = null;
  const hold = (plan: PersonalDataPlan): { token: number; summary: PlanSummary } => {
    waiting = { token: ++tokens, plan };
    return { token: waiting.token, summary: summarise(plan) };
  };
  const months = async (): Promise<number> => (await ctx.meta.get('retentionMonths')) ?? 0;
  // An erasure or purge waits while an import runs (refuseWhileImporting). One a crash or a closed
  // window cut off is still recorded as running: marked interrupted first, as the import history
  // does, so it does not hold them off for good. Too full to mark it: the refusal says what runs.
  const history = new ImportHistory(ctx.db, ctx.clock);
  const recoverImports = () =>
    history.recoverInterrupted().catch((e: unknown) => {
      if (!isDiskFull(e)) throw e;
      return 0;
    });
  return {
    /** Which orders the erasure register blanked, and why: the screens mark them as erased, not missing. */
    async erasedOrders(): Promise<ErasedOrders> {
      return erasedOrdersOf(await ctx.db.erasures.orderBy('id').toArray());
    },

    /** What erasing one customer (by email or customer id) would remove; nothing changes yet. */
    async planErasure(who: string): Promise<{ token: number; summary: PlanSummary }> {
      await recoverImports();
      const plan = await planCustomerErasure(ctx.db, who, stored);
      if (plan.orders === 0 && plan.payments.length === 0) throw new Error('No order or payment in the cache belongs to that customer');
      return hold(plan);
    },

    /** What the retention period would purge today; nothing changes yet. */
    async planRetention(): Promise<{ token: number; summary: PlanSummary } | null> {
      const cutoff = retentionCutoff(await months(), ctx.clock.now());
      await recoverImports();
      return cutoff === null ? null : hold(await planRetention(ctx.db, cutoff, stored));
    },

    /** Applies a planned erasure or purge in one transaction; returns its log entry. */
    async applyPersonalData(token: number, reference: string): Promise<DecisionEntry> {
      const w = waiting;
      if (!w || w.token !== token) throw new Error('Find the data again: the plan shown is no longer waiting');
      const what = w.plan.kind === 'erasure' ? 'the erasure' : 'the retention purge';
      await recoverImports();
      const entry = await savingOrDiskFull(what, () => applyPersonalDataPlan(ctx.db, w.plan, { reference, clock: ctx.clock }));
      waiting = null;
      ctx.rings.invalidate();
      await ctx.reopen();
      return entry;
    },

    /** What each retention purge removed, per month, newest first. */
    async retentionSummaries(): Promise<RetentionSummaryRecord[]> {
      return (await ctx.db.retentionSummaries.orderBy('id').toArray()).reverse();
    },

    retentionMonths: months,

    async setRetentionMonths(m: number): Promise<number> {
      retentionCutoff(m, ctx.clock.now());
      await savingOrDiskFull('the retention period', () => ctx.meta.set('retentionMonths', m));
      return m;
    },
  };
}

export type PrivacyHandlers = ReturnType<typeof privacyHandlers>;
