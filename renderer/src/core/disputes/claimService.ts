// Refund claims entered by hand beside the chargebacks: each with the deadline its kind's window (or
// the marketplace's notice) gives it, a status workflow logged like a dispute's (as events of
// `claim:<id>` in the append-only dispute history), and the windows themselves as dated data.
import { keptNote } from '../../../../shared/domain/cardNumbers';
import { z } from 'zod';
import {
  claimAcceptCorrection,
  claimDeadline,
  CLAIM_KINDS,
  claimMovesAt,
  CLAIM_KIND_LABEL,
  cleanClaimWindows,
  DEFAULT_CLAIM_WINDOWS,
  type ClaimDeadline,
  type ClaimKind,
  type ClaimWindow,
  type RefundClaim,
} from '../../../../shared/disputes/claims';
import { CORRECTION_NEEDS_REASON, correctionNote, loggedStatuses, STATUS_LABEL } from '../../../../shared/disputes/workflow';
import { statusThatStands } from '../../../../shared/disputes/standing';
import type { DisputeStatus } from '../../../../shared/domain/dispute';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { analystName, MetaRepository } from '../storage/metaRepository';
import type { DisputeEventRecord, WorkbenchDb } from '../storage/schema';

/** A claim in the deadline list: as entered, with its current status and its deadline. */
export interface ClaimRow extends RefundClaim {
  rowType: 'claim';
  kindLabel: string;
  /** The deadline in force (0: none known). */
  dueAt: number;
  deadline: ClaimDeadline;
}

export interface ClaimDetail extends ClaimRow {
  /** Its history, newest first. */
  events: DisputeEventRecord[];
  /** Accepted in the app while the claim is still open where it is decided: the status a mistaken accept is corrected back to (claimAcceptCorrection). */
  correctsTo: DisputeStatus | null;
}

/** What the analyst enters; the rest (status, who, when) the service sets. */
export const claimInputSchema = z
  .object({
    id: z.string().trim().min(1, 'Enter the claim’s reference').max(100),
    kind: z.enum(CLAIM_KINDS),
    orderRef: z.string().trim().max(100),
    amountMinor: z.number().int('The amount is in whole minor units of its currency (cents; JPY: yen)').min(0).max(1e12),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'The currency is a three-letter code, e.g. EUR')
      .transform((c) => c.toUpperCase()),
    openedAt: z
      .number()
      .finite()
      .min(Date.UTC(2000, 0, 1), 'Enter when the claim was opened'),
    noticeDueAt: z.number().finite().nullable(),
    reason: z.string().trim().max(500).transform(keptNote),
  })
  .strict();
export type ClaimInput = z.input<typeof claimInputSchema>;

/** The key a claim's history is kept under in the dispute history (disputeEvents). */
export const claimEventKey = (id: string) => `claim:${id}`;
const MAX_NOTE = 2_000;

export class ClaimService {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
  ) {}

  async windows(): Promise<ClaimWindow[]> {
    return (await new MetaRepository(this.db).get('claimWindows')) ?? DEFAULT_CLAIM_WINDOWS.map((w) => ({ ...w }));
  }

  async saveWindows(list: ClaimWindow[]): Promise<ClaimWindow[]> {
    const clean = cleanClaimWindows(list);
    await new MetaRepository(this.db).set('claimWindows', clean);
    return clean;
  }

  async list(): Promise<ClaimRow[]> {
    const [claims, windows, events] = await Promise.all([this.db.refundClaims.toArray(), this.windows(), this.db.disputeEvents.orderBy('id').toArray()]);
    const status = new Map<string, DisputeStatus>();
    for (const e of events) if (e.kind === 'status' && e.status) status.set(e.disputeId, e.status);
    return claims.map((c) => this.row({ ...c, status: statusThatStands(c.status, status.get(claimEventKey(c.id))) }, windows));
  }

  async detail(id: string): Promise<ClaimDetail> {
    const [c, windows, events] = await Promise.all([this.db.refundClaims.get(id), this.windows(), this.eventsOf(id)]);
    if (!c) throw new Error(`Claim ${id} is not in the cache`);
    const current = statusThatStands(c.status, events.find((e) => e.kind === 'status')?.status);
    const row = this.row({ ...c, status: current }, windows);
    return { ...row, events, correctsTo: current === 'accepted' ? this.correctsTo(c, row.dueAt, events) : null };
  }

  /** Enters a claim by hand; its reference must be new. */
  async add(input: ClaimInput): Promise<ClaimRow> {
    const parsed = claimInputSchema.safeParse(input);
    if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
    const v = parsed.data;
    if (v.noticeDueAt !== null && v.noticeDueAt < v.openedAt) throw new Error('The deadline from the notice is before the claim was opened');
    const claim: RefundClaim = { ...v, status: 'new', createdAt: this.clock.now(), analyst: await analystName(this.db, 'dispute-status') };
    await this.db.transaction('rw', this.db.refundClaims, async () => {
      const existing = await this.db.refundClaims.get(v.id);
      if (existing) throw new Error(`Claim ${v.id} is already in the list (${CLAIM_KIND_LABEL[existing.kind]})`);
      await this.db.refundClaims.add(claim);
    });
    return this.row(claim, await this.windows());
  }

  /**
   * Moves a claim along the workflow disputes use; the change is logged with who, when and the note.
   * Past its deadline an open claim is accepted or given its outcome (claimMovesAt), as its panel offers.
   * Correcting a mistaken accept (claimAcceptCorrection) needs a reason, and is logged as a correction.
   */
  async setStatus(id: string, to: DisputeStatus, note: string): Promise<void> {
    const [c, events, windows] = await Promise.all([this.db.refundClaims.get(id), this.eventsOf(id), this.windows()]);
    if (!c) throw new Error(`Claim ${id} is not in the cache`);
    const from = statusThatStands(c.status, events.find((e) => e.kind === 'status')?.status);
    const { dueAt } = claimDeadline(c, windows);
    const reason = keptNote(note).slice(0, MAX_NOTE);
    const correction = from === 'accepted' && to === this.correctsTo(c, dueAt, events);
    if (correction && !reason) throw new Error(CORRECTION_NEEDS_REASON);
    if (!correction && !claimMovesAt({ kind: c.kind, status: from, dueAt }, this.clock.now()).includes(to))
      throw new Error(`A claim that is ${STATUS_LABEL[from].toLowerCase()} cannot become ${STATUS_LABEL[to].toLowerCase()}`);
    await this.db.disputeEvents.add({
      disputeId: claimEventKey(id),
      kind: 'status',
      status: to,
      note: correction ? correctionNote(reason) : reason,
      analyst: await analystName(this.db, 'dispute-status'),
      at: this.clock.now(),
    });
  }

  /** Where an accept logged for the claim goes back to, by the claim's own record (as entered or imported) and its events newest first. */
  private correctsTo(c: RefundClaim, dueAt: number, events: readonly DisputeEventRecord[]): DisputeStatus | null {
    return claimAcceptCorrection({ kind: c.kind, status: c.status, dueAt }, loggedStatuses(events), this.clock.now());
  }

  private row(c: RefundClaim, windows: readonly ClaimWindow[]): ClaimRow {
    const deadline = claimDeadline(c, windows);
    return { ...c, rowType: 'claim', kindLabel: CLAIM_KIND_LABEL[c.kind as ClaimKind], dueAt: deadline.dueAt, deadline };
  }

  private async eventsOf(id: string): Promise<DisputeEventRecord[]> {
    return (await this.db.disputeEvents.where('disputeId').equals(claimEventKey(id)).sortBy('id')).reverse();
  }
}
