// A dispute's attached files: each checked by its content and against the limits before it is
// stored, and each attach and removal logged in the dispute's append-only history, in the same
// transaction as the file, by type, size and hash (a file's name is kept with the file only).
import { keptNote } from '../../../../shared/domain/cardNumbers';
import {
  attachmentLimitProblem,
  ATTACHMENT_LIMITS,
  ATTACHMENT_PURPOSES,
  sniffAttachment,
  type AttachmentPurpose,
  type AttachmentType,
} from '../../../../shared/disputes/attachments';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { analystName } from '../storage/metaRepository';
import type { DisputeAttachmentRecord, WorkbenchDb } from '../storage/schema';

/** An attachment as screens list it: everything but its bytes. */
export type AttachmentInfo = Omit<DisputeAttachmentRecord, 'bytes'> & { id: number };

/** An attachment's bytes with the one MIME type its check gave it. */
export interface AttachmentContent {
  id: number;
  name: string;
  type: AttachmentType;
  bytes: Uint8Array;
}

/** A refused file, with the reason naming it; the cache is unchanged. */
export class AttachmentRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentRefused';
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const info = ({ bytes: _bytes, ...rest }: DisputeAttachmentRecord): AttachmentInfo => rest as AttachmentInfo;

export class AttachmentService {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The dispute's files, oldest first, without their bytes. */
  async list(disputeId: string): Promise<AttachmentInfo[]> {
    const rows = await this.db.disputeAttachments.where('disputeId').equals(disputeId).sortBy('id');
    return rows.map(info);
  }

  /** The dispute's files with their bytes (the evidence pack embeds its images). */
  async contents(disputeId: string): Promise<AttachmentContent[]> {
    const rows = await this.db.disputeAttachments.where('disputeId').equals(disputeId).sortBy('id');
    return rows.map((r) => ({ id: r.id!, name: r.name, type: r.type, bytes: r.bytes }));
  }

  async content(id: number): Promise<AttachmentContent> {
    const r = await this.db.disputeAttachments.get(id);
    if (!r) throw new Error(`Attachment ${id} is no longer in the cache`);
    return { id, name: r.name, type: r.type, bytes: r.bytes };
  }

  /**
   * Attaches a file: its type from its content (a renamed page or program is refused, named), within
   * the per-file and per-dispute limits, not the same bytes twice. Logged with the file, all or nothing.
   */
  async attach(disputeId: string, name: string, bytes: Uint8Array, purpose: AttachmentPurpose): Promise<AttachmentInfo> {
    if (!(await this.db.disputes.get(disputeId))) throw new Error(`Dispute ${disputeId} is not in the cache`);
    if (!ATTACHMENT_PURPOSES.includes(purpose)) throw new AttachmentRefused(`Unknown kind of evidence: ${String(purpose).slice(0, 40)}`);
    const sniffed = sniffAttachment(name, bytes);
    if (!sniffed.ok) throw new AttachmentRefused(sniffed.problem);
    const analyst = await analystName(this.db, 'attachment');
    const sha256 = await sha256Hex(bytes);
    const kept = name.trim().slice(0, ATTACHMENT_LIMITS.nameChars) || `attachment.${sniffed.type}`;
    return this.db.transaction('rw', this.db.disputeAttachments, this.db.disputeEvents, async () => {
      const existing = await this.db.disputeAttachments.where('disputeId').equals(disputeId).toArray();
      const same = existing.find((a) => a.sha256 === sha256);
      if (same) throw new AttachmentRefused(`“${kept}” is already attached to this dispute (as “${same.name}”)`);
      const limit = attachmentLimitProblem(kept, bytes.length, existing);
      if (limit) throw new AttachmentRefused(limit);
      const at = this.clock.now();
      const row: DisputeAttachmentRecord = { disputeId, name: kept, type: sniffed.type, purpose, size: bytes.length, sha256, bytes, addedAt: at, analyst };
      const id = (await this.db.disputeAttachments.add(row)) as number;
      await this.db.disputeEvents.add({
        disputeId,
        kind: 'attachment',
        file: { action: 'attached', attachmentId: id, type: sniffed.type, size: bytes.length, sha256 },
        note: '',
        analyst,
        at,
      });
      return info({ ...row, id });
    });
  }

  /** Removes a file; the dispute's history keeps that it was there, what it was and who removed it. */
  async remove(id: number, reason: string): Promise<void> {
    const analyst = await analystName(this.db, 'attachment');
    await this.db.transaction('rw', this.db.disputeAttachments, this.db.disputeEvents, async () => {
      const r = await this.db.disputeAttachments.get(id);
      if (!r) throw new Error(`Attachment ${id} is no longer in the cache`);
      await this.db.disputeAttachments.delete(id);
      await this.db.disputeEvents.add({
        disputeId: r.disputeId,
        kind: 'attachment',
        file: { action: 'removed', attachmentId: id, type: r.type, size: r.size, sha256: r.sha256 },
        note: keptNote(reason).slice(0, 2_000),
        analyst,
        at: this.clock.now(),
      });
    });
  }
}
