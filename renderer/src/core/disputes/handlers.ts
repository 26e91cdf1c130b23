// The Disputes room: the list by deadline (chargebacks and refund claims), one dispute's detail, its workflow, evidence, attached files
// and evidence pack.
import { standingDisputes } from '../../../../shared/disputes/standing';
import type { Dispute, DisputeStatus } from '../../../../shared/domain/dispute';
import type { EvidencePack } from '../../../../shared/disputes/evidence';
import type { ResponseCostSettings } from '../../../../shared/disputes/respondOrAccept';
import { savingOrDiskFull } from '../storage/diskFull';
import type { CoreContext } from '../context';
import type { DisputeDetail, DisputeRow, DisputeService } from './disputeService';
import type { AttachmentPurpose } from '../../../../shared/disputes/attachments';
import type { AttachmentContent, AttachmentInfo } from './attachmentService';
import type { ClaimDetail, ClaimInput, ClaimRow, ClaimService } from './claimService';
import type { ClaimWindow } from '../../../../shared/disputes/claims';

export function disputesHandlers(ctx: CoreContext, disputes: DisputeService, claims: ClaimService) {
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

    /** Attaches a file to a dispute: checked by content and size, logged; refused files change nothing. */
    attachToDispute: (disputeId: string, name: string, bytes: Uint8Array, purpose: AttachmentPurpose): Promise<AttachmentInfo> =>
      savingOrDiskFull('the attached file', () => disputes.attachments.attach(disputeId, name, bytes, purpose)),

    removeDisputeAttachment: (id: number, reason: string): Promise<void> =>
      savingOrDiskFull("the attachment's removal", () => disputes.attachments.remove(id, reason)),

    disputeAttachment: (id: number): Promise<AttachmentContent> => disputes.attachments.content(id),

    disputeAttachmentContents: (disputeId: string): Promise<AttachmentContent[]> => disputes.attachments.contents(disputeId),

    disputeResponseCost: (): Promise<ResponseCostSettings> => disputes.responseCost(),

    saveDisputeResponseCost: (s: ResponseCostSettings): Promise<ResponseCostSettings> =>
      savingOrDiskFull('the cost of responding', () => disputes.saveResponseCost(s)),

    /** Refund claims with their deadlines, for the one deadline list beside the chargebacks. */
    claimList: (): Promise<ClaimRow[]> => claims.list(),

    claimDetail: (id: string): Promise<ClaimDetail> => claims.detail(id),

    addRefundClaim: (input: ClaimInput): Promise<ClaimRow> => savingOrDiskFull('the refund claim', () => claims.add(input)),

    setClaimStatus: (id: string, to: DisputeStatus, note: string): Promise<void> =>
      savingOrDiskFull("the claim's status change", () => claims.setStatus(id, to, note)),

    claimWindows: (): Promise<ClaimWindow[]> => claims.windows(),

    saveClaimWindows: (list: ClaimWindow[]): Promise<ClaimWindow[]> => savingOrDiskFull('the claim response windows', () => claims.saveWindows(list)),

    // Counted once when two exports name one dispute (standing.ts).
    disputesDueBetween: async (from: number, to: number): Promise<Dispute[]> =>
      standingDisputes(await ctx.db.disputes.toArray()).disputes.filter((d) => d.dueAt >= from && d.dueAt < to),
  };
}

export type DisputesHandlers = ReturnType<typeof disputesHandlers>;
