// The personal text beside team events on this laptop: checked and kept when teammates' events
// are pulled, blanked when an erasure (pulled, or made here) names their events. The events
// themselves never change, so every chain still verifies.
import { caseSubject, parseCasePayload } from '../../../../shared/team/casePayloads';
import type { PulledEvent } from '../../../../shared/team/messages';
import { personalTextProblem, personalTextOf } from '../../../../shared/team/personalText';
import type { TeamTextRecord, WorkbenchDb } from '../storage/schema';
import { TeamStore } from '../storage/teamStore';

/** Why a pulled chain cannot be read (the first payload that does not fit its kind), or null. */
export async function firstMisfit(events: readonly PulledEvent[]): Promise<string | null> {
  for (const e of events) {
    const read = parseCasePayload(e);
    if (!read.ok) return `event ${e.seq} of device ${e.deviceId}: ${read.reason}`;
  }
  return null;
}

/**
 * The text beside each pulled event that its salted hashes witness (a text they do not is left
 * out, the event kept). Hashing cannot run inside an IndexedDB transaction, so this runs before.
 */
export async function witnessedTexts(events: readonly PulledEvent[]): Promise<TeamTextRecord[]> {
  const texts: TeamTextRecord[] = [];
  for (const e of events) {
    if (!e.personal || Object.keys(e.personal).length === 0) continue;
    if ((await personalTextProblem(e.payload, e.personal)) !== null) continue;
    texts.push({ eventId: e.id, subject: caseSubject(e), at: e.at, personal: e.personal });
  }
  return texts;
}

/** Inside the pull's transaction: keeps the texts of the events stored now, then applies their erasures. */
export async function keepPulledTexts(db: WorkbenchDb, fresh: readonly PulledEvent[], witnessed: readonly TeamTextRecord[]): Promise<void> {
  const ids = new Set(fresh.map((e) => e.id));
  const texts = witnessed.filter((t) => ids.has(t.eventId));
  if (texts.length) await db.teamText.bulkPut(texts);
  const erased = fresh.flatMap((e) => {
    const read = e.kind === 'erasure' ? parseCasePayload(e) : null;
    return read?.ok && read.record.kind === 'erasure' ? read.record.payload.eventIds : [];
  });
  if (erased.length) await db.teamText.bulkDelete(erased);
}

/** What an erasure or a retention purge on this laptop covers, in terms the team's texts know. */
export interface TeamTextErasure {
  /** Orders and disputes whose events' texts go ('order:<key>', 'dispute:<id>'). */
  subjects: readonly string[];
  /** Linked values (lower case) whose override events' texts go. */
  linkValues: readonly string[];
  /** Retention: texts of events recorded before this go. */
  before?: number;
}

const blank = (s: string) => s.trim().toLowerCase();

/**
 * Inside the erasure's transaction (with teamText and teamState): blanks the text beside every
 * team event the erasure covers, this laptop's and teammates', and keeps their ids for the
 * erasure event that tells the server and the team (collected with the log entry `logSeq`).
 */
export async function eraseTeamTexts(db: WorkbenchDb, what: TeamTextErasure, logSeq: number): Promise<string[]> {
  const values = new Set(what.linkValues.map(blank));
  const bySubject = what.subjects.length
    ? await db.teamText
        .where('subject')
        .anyOf([...what.subjects])
        .primaryKeys()
    : [];
  const byValue = values.size
    ? (await db.teamText.where('subject').equals('overrides').toArray())
        .filter((t) => values.has(blank(personalTextOf(t.personal, 'value'))))
        .map((t) => t.eventId)
    : [];
  const byAge = what.before !== undefined ? (await db.teamText.filter((t) => t.at < what.before!).toArray()).map((t) => t.eventId) : [];
  const ids = [...new Set([...bySubject, ...byValue, ...byAge])];
  if (ids.length === 0) return [];
  await db.teamText.bulkDelete(ids);
  const store = new TeamStore(db);
  await store.set('pendingErasures', { ...((await store.get('pendingErasures')) ?? {}), [String(logSeq)]: ids });
  return ids;
}
