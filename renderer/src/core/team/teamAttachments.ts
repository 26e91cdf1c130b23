// Dispute files between this laptop and the team: once this laptop's attachment events are pushed,
// each file still attached here goes to the server unless it holds it already (a file removed or
// erased here since stays home); a teammate's file comes back checked against its event's SHA-256.
import { checkReceivedFile, parseCasePayload, personalTextOf, type PayloadOf, type TeamEvent } from '../../../../shared/team';
import type { AttachmentPurpose, AttachmentType } from '../../../../shared/disputes/attachments';
import type { WorkbenchDb } from '../storage/schema';
import type { TeamSession, TeamStore } from '../storage/teamStore';
import { TeamRefusal, type TeamTransport } from './teamTransport';

type AttachedFile = PayloadOf<'attachment'>;

/** The file an event of this laptop attached, or null for any other event (a removal included). */
function attachedBy(e: TeamEvent): AttachedFile | null {
  if (e.kind !== 'attachment') return null;
  const read = parseCasePayload(e);
  return read.ok && read.record.kind === 'attachment' && read.record.payload.action === 'attached' ? read.record.payload : null;
}

/** Pushed events whose files may still have to go: after the last one settled, up to the confirmed head. */
async function pushedSinceSent(db: WorkbenchDb, store: TeamStore): Promise<TeamEvent[]> {
  const sentThrough = (await store.get('filesSentThrough')) ?? 0;
  const confirmed = (await store.confirmedHead()).seq;
  if (confirmed <= sentThrough) return [];
  return db.teamOutbox.where('seq').between(sentThrough, confirmed, false, true).toArray();
}

/** The bytes of a file still attached here, or null when it was removed or erased since. */
async function stillHere(db: WorkbenchDb, file: AttachedFile): Promise<Uint8Array | null> {
  const row = await db.disputeAttachments.get(file.attachmentId);
  return row && row.sha256 === file.sha256 && row.disputeId === file.disputeId ? row.bytes : null;
}

/** Files whose events went to the server and whose bytes have not gone yet. */
export async function filesWaiting(db: WorkbenchDb, store: TeamStore): Promise<number> {
  let n = 0;
  for (const e of await pushedSinceSent(db, store)) {
    const file = attachedBy(e);
    if (file && (await stillHere(db, file))) n++;
  }
  return n;
}

/**
 * Sends the files of this laptop's pushed attachment events that the server lacks, oldest first,
 * moving `filesSentThrough` past each one settled. A cut connection (TeamUnreachable) or an ended
 * session stops it to resume next round; a refused file is named and tried again next round, the
 * files after it still sent. A file whose events were erased at the server (410) is settled.
 */
export async function sendAttachedFiles(
  db: WorkbenchDb,
  store: TeamStore,
  session: TeamSession,
  transport: TeamTransport,
): Promise<{ sent: number; problem: string | null }> {
  let sent = 0;
  let problem: string | null = null;
  for (const e of await pushedSinceSent(db, store)) {
    const file = attachedBy(e);
    const bytes = file ? await stillHere(db, file) : null;
    if (file && bytes && !(await transport.attachmentHeld(session.token, file.sha256))) {
      try {
        await transport.uploadAttachment(session.token, file.sha256, bytes);
        sent++;
      } catch (error) {
        if (!(error instanceof TeamRefusal) || error.status === 401) throw error;
        if (error.status !== 410) problem ??= `a file attached to dispute ${file.disputeId} was not sent: ${error.message}`;
      }
    }
    if (problem === null) await store.set('filesSentThrough', e.seq);
  }
  return { sent, problem };
}

/** A teammate's attached file as fetched from the team, checked: what the screen saves or attaches here. */
export interface TeammateFile {
  eventId: string;
  disputeId: string;
  /** The name it travelled with, or one made from its hash when that was erased. */
  name: string;
  type: AttachmentType;
  purpose: AttachmentPurpose | null;
  bytes: Uint8Array;
}

/**
 * Fetches the file a teammate's attachment event names and checks the bytes against that event's
 * SHA-256 (and size and type): bytes that differ are refused, saying so, and never handed on.
 */
export async function fetchTeammateFile(
  db: WorkbenchDb,
  store: TeamStore,
  session: TeamSession,
  transport: TeamTransport,
  eventId: string,
): Promise<TeammateFile> {
  const event = await db.teamEvents.get(eventId);
  const read = event ? parseCasePayload(event) : null;
  if (!event || !read?.ok || read.record.kind !== 'attachment' || read.record.payload.action !== 'attached')
    throw new Error('That file is not among the teammates’ attached files on this laptop');
  const file = read.record.payload;
  const name = personalTextOf((await store.textsOf([eventId])).get(eventId), 'name') || `attachment-${file.sha256.slice(0, 12)}`;
  const bytes = await transport.attachmentBytes(session.token, file.sha256);
  const checked = await checkReceivedFile(bytes, file.sha256, name);
  if (!checked.ok) throw new Error(`${event.analyst}’s file from the team server was refused, and not saved: ${checked.problem}`);
  return { eventId, disputeId: file.disputeId, name, type: checked.type, purpose: file.purpose, bytes };
}
