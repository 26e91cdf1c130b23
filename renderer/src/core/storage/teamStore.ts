// The team sync's storage: named state (session, device id, cursors, heads) each read back with
// its schema, this device's outbox chain, and the teammates' verified events. The only code that
// knows the team's IndexedDB tables.
import { z } from 'zod';
import type { LogHead } from '../../../../shared/decisions/chain';
import { accountSchema, DEVICE_KEY_PATTERN, teamSettingsSchema, type TeamEvent } from '../../../../shared/team';
import { GENESIS_HEAD } from '../../../../shared/team/events';
import type { PersonalText } from '../../../../shared/team/personalText';
import type { StoredTeamEvent, WorkbenchDb } from './schema';

const head = z.object({ seq: z.int().min(0), hash: z.string() });

/** The session with the team server: which origin, the bearer token and who it signs in. */
export const teamSessionSchema = z.object({ origin: z.string(), token: z.string(), expiresAt: z.int(), account: accountSchema });
export type TeamSession = z.infer<typeof teamSessionSchema>;

const STATE = {
  session: teamSessionSchema,
  deviceId: z.uuid(),
  /** The secret that binds this device's chain at the server (see server/events/deviceKeys.ts). */
  deviceKey: z.string().regex(DEVICE_KEY_PATTERN),
  /** The head of this device's outbox chain. */
  outboxHead: head,
  /** The head the server confirmed it holds for this device. */
  confirmedHead: head,
  /**
   * Last local record turned into a team event, per source (decision log seq + hash, other logs'
   * ids, the matrix version). Sources added later are absent in older values: collecting starts
   * them at their newest record, as signing in does.
   */
  collected: z.object({
    decisions: head,
    ringMarks: z.int().min(0),
    linkOverrides: z.int().min(0).optional(),
    disputeEvents: z.int().min(0).optional(),
    matrices: z.int().min(0).optional(),
    reportSnapshots: z.int().min(0).optional(),
    exportLog: z.int().min(0).optional(),
  }),
  /** Per erasure or retention entry of the decision log (its seq), the team events whose text it blanked here. */
  pendingErasures: z.record(z.string(), z.array(z.uuid())),
  /**
   * Teammates' erasure events (with what their register reached) pulled here and not yet applied:
   * the pull keeps their ids in its own transaction, so one is applied even after a crash.
   */
  erasuresToApply: z.array(z.uuid()),
  /**
   * Teammates' erasures whose record and log entry are in place but whose blanking of this laptop's
   * copies waits for a running import to finish (the import already writes them without their data).
   */
  erasuresToBlank: z.array(z.uuid()),
  /** The outbox seq up to which every pushed attachment event's file was sent (or settled: removed or erased since). */
  filesSentThrough: z.int().min(0),
  /** The server's cursor up to which events were pulled, and each teammate device's verified head. */
  pullCursor: z.int().min(0),
  pulledHeads: z.record(z.string(), head),
  settings: teamSettingsSchema,
  /** When the server was last reached, and since when it has not been (null: reachable). */
  reach: z.object({ lastSyncAt: z.int().nullable(), offlineSince: z.int().nullable(), problem: z.string().nullable() }),
  /** A teammate device whose pulled chain did not verify: its events are kept out. */
  brokenDevices: z.record(z.string(), z.string()),
  /**
   * The idle lock is on: kept here, not in the window, so a reload or a new window of the app opens
   * locked until the account's password signs in again.
   */
  idleLocked: z.literal(true),
} as const;
export type TeamStateKey = keyof typeof STATE;
export type TeamStateValue<K extends TeamStateKey> = z.infer<(typeof STATE)[K]>;

export class TeamStore {
  constructor(readonly db: WorkbenchDb) {}

  /** A stored value that no longer parses (written by an older build, or tampered) reads as absent. */
  async get<K extends TeamStateKey>(key: K): Promise<TeamStateValue<K> | undefined> {
    const row = await this.db.teamState.get(key);
    if (!row) return undefined;
    const parsed = STATE[key].safeParse(row.value);
    return parsed.success ? (parsed.data as TeamStateValue<K>) : undefined;
  }

  async set<K extends TeamStateKey>(key: K, value: TeamStateValue<K>): Promise<void> {
    await this.db.teamState.put({ key, value });
  }

  async remove(key: TeamStateKey): Promise<void> {
    await this.db.teamState.delete(key);
  }

  async deviceId(newId: () => string): Promise<string> {
    const known = await this.get('deviceId');
    if (known) return known;
    const id = newId();
    await this.set('deviceId', id);
    return id;
  }

  /** This laptop's device key, made on first use: 32 random bytes, base64url. */
  async deviceKey(): Promise<string> {
    const known = await this.get('deviceKey');
    if (known) return known;
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const key = btoa(String.fromCharCode(...bytes))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
    await this.set('deviceKey', key);
    return key;
  }

  async outboxHead(): Promise<LogHead> {
    return (await this.get('outboxHead')) ?? GENESIS_HEAD;
  }

  async confirmedHead(): Promise<LogHead> {
    return (await this.get('confirmedHead')) ?? GENESIS_HEAD;
  }

  /** Outbox events after `seq`, oldest first, at most `limit`. */
  outboxAfter(seq: number, limit: number): Promise<TeamEvent[]> {
    return this.db.teamOutbox.where('seq').above(seq).limit(limit).toArray();
  }

  outbox(): Promise<TeamEvent[]> {
    return this.db.teamOutbox.orderBy('seq').toArray();
  }

  /** Teammates' events about one case ('order:<key>'), in the server's order. */
  async eventsAbout(subject: string): Promise<StoredTeamEvent[]> {
    return (await this.db.teamEvents.where('subject').equals(subject).toArray()).sort((a, b) => a.serverSeq - b.serverSeq);
  }

  /** The personal text beside each event ({} when none travelled or it was erased). */
  async textsOf(eventIds: readonly string[]): Promise<Map<string, PersonalText>> {
    const rows = await this.db.teamText.bulkGet([...eventIds]);
    return new Map(rows.filter((r) => r !== undefined).map((r) => [r.eventId, r.personal]));
  }

  pulledOfKind(kind: TeamEvent['kind']): Promise<StoredTeamEvent[]> {
    return this.db.teamEvents
      .orderBy('serverSeq')
      .filter((e) => e.kind === kind)
      .toArray();
  }
}
