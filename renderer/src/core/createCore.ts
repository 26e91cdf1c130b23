// Builds the core the cache worker exposes: one context, one handler map per room, joined into
// the one contract screens call (see contract.ts). A new capability is one handler in its room.
import { systemClock, type Clock } from '../../../shared/time/clock';
import { backupHandlers } from './backup/handlers';
import { createContext } from './context';
import { DisputeService } from './disputes/disputeService';
import { ClaimService } from './disputes/claimService';
import { disputesHandlers } from './disputes/handlers';
import { logHandlers } from './log/handlers';
import { ordersHandlers } from './orders/handlers';
import { privacyHandlers } from './privacy/handlers';
import { reportsHandlers } from './reports/handlers';
import { ReportService } from './reports/reportService';
import { reviewHandlers } from './review/handlers';
import { ReviewService } from './review/reviewService';
import { ringsHandlers } from './rings/handlers';
import { teamHandlers } from './team/handlers';
import { teamCaseHandlers } from './team/caseHandlers';
import type { WorkbenchDb } from './storage/schema';
import type { CoreHandlers } from './contract';

/** `openNow`: open the order store at once (the cache worker at start-up) instead of on the first call. */
export function createCore(db: WorkbenchDb, clock: Clock = systemClock, { openNow = false } = {}): CoreHandlers {
  const ctx = createContext(db, clock);
  // Every screen but Settings and Imports needs the store: the window's first calls then find it open or opening.
  if (openNow) void ctx.ready().catch(() => undefined);
  const review = new ReviewService(db, ctx.rings, clock);
  const reports = new ReportService(db, ctx.store, ctx.rings, clock);
  const disputes = new DisputeService(db, ctx.rings, clock);
  return {
    ...ordersHandlers(ctx, reports),
    ...ringsHandlers(ctx),
    ...reviewHandlers(ctx, review),
    ...logHandlers(ctx, review),
    ...disputesHandlers(ctx, disputes, new ClaimService(db, clock)),
    ...reportsHandlers(ctx, reports),
    ...backupHandlers(ctx),
    ...privacyHandlers(ctx),
    ...teamHandlers(ctx),
    ...teamCaseHandlers(ctx),
  };
}
