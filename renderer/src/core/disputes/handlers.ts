// The Disputes room: the list by deadline, one dispute's detail, its workflow, evidence and evidence pack.
import type { Dispute, DisputeStatus } from '../../../../shared/domain/dispute';
import type { EvidencePack } from '../../../../shared/disputes/evidence';
import type { ResponseCostSettings } from '../../../../shared/disputes/respondOrAccept';
import { savingOrDiskFull } from '../storage/diskFull';
import type { CoreContext } from '../context';
import type { DisputeDetail, DisputeRow, DisputeService } from './disputeService';

export function disputesHandlers(ctx: CoreContext, disputes: DisputeService) {
  return {
    async disputeList(): Promise<DisputeRow[]> {
      await ctx.ready();
      return disputes.list();
    },

    async disputeDetail(id: string): Promise<DisputeDetail> {
      await ctx.ready();
      return disputes.detail(id);
    },

    async disputeEvidencePack(id: string): Promise<EvidencePack> {
      await ctx.ready();
      return disputes.evidencePack(id);
    },

    setDisputeStatus: (id: string, to: DisputeStatus, note: string): Promise<void> =>
      savingOrDiskFull("the dispute's status change", () => disputes.setStatus(id, to, note)),

    setDisputeEvidence: (id: string, item: string, checked: boolean): Promise<void> =>
      savingOrDiskFull('the evidence tick', () => disputes.setEvidence(id, item, checked)),

    disputeResponseCost: (): Promise<ResponseCostSettings> => disputes.responseCost(),

    saveDisputeResponseCost: (s: ResponseCostSettings): Promise<ResponseCostSettings> =>
      savingOrDiskFull('the cost of responding', () => disputes.saveResponseCost(s)),

    disputesDueBetween: (from: number, to: number): Promise<Dispute[]> => ctx.db.disputes.where('dueAt').between(from, to, true, false).toArray(),
  };
}

export type DisputesHandlers = ReturnType<typeof disputesHandlers>;
