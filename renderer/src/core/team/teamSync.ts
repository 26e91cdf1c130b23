// The sync of the team's work: local records become this device's chain of team events (the
// outbox), pushed from the head the server last confirmed, and teammates' events are pulled by
// the server's cursor, each device's chain verified before it is stored. Every step can stop at
// any point and run again: pushes resend from the confirmed head (the server ignores what it has),
// pulls store events and the cursor in one transaction, and event ids make both idempotent.
import { chainTeamEvents, PUSH_LIMITS, verifyTeamChain, type PulledEvent } from '../../../../shared/team';
import { caseSubject } from '../../../../shared/team/casePayloads';
import type { Clock } from '../../../../shared/time/clock';
import { TeamStore, type TeamSession } from '../storage/teamStore';
import { filesWaiting, sendAttachedFiles } from './teamAttachments';
import { completeCursors, gatherRecords, newestRecords } from './teamCollect';
import { firstMisfit, keepPulledTexts, witnessedTexts } from './teamTexts';
import { applyTeamErasures, erasuresCarried } from '../privacy/teamErasure';
import type { WorkbenchDb } from '../storage/schema';
import { TeamRefusal, TeamUnreachable, type TeamTransport } from './teamTransport';

export interface TeamSyncDeps {
  db: WorkbenchDb;
  clock: Clock;
  transport: (origin: string) => TeamTransport;
  newId: () => string;
  /** Events per push and per pull page (the protocol's limits cap them). */
  pushBatch?: number;
  pullPage?: number;
  /** Called when a teammate's erasure changed this cache (the core drops what it holds in memory of it). */
  onErased?: () => Promise<void>;
}

export interface SyncStatus {
  signedIn: boolean;
  /** Changes recorded here the server has not confirmed yet (in the outbox or not yet collected). */
  waiting: number;
  /** Files attached here whose events went to the server but whose bytes have not yet. */
  filesWaiting: number;
  lastSyncAt: number | null;
  offlineSince: number | null;
  problem: string | null;
  /** This round applied a teammate's erasure to the cache: the window shows the cache again. */
  cacheChanged?: boolean;
}

export class TeamSync {
  readonly store: TeamStore;
  private running: Promise<SyncStatus> | null = null;
  /** Whether the round running applied a teammate's erasure here. */
  private erased = false;

  constructor(private readonly deps: TeamSyncDeps) {
    this.store = new TeamStore(deps.db);
  }

  /**
   * Turns records made while signed in into outbox events, in one transaction with the cursors, so
   * a record is never chained twice or skipped. Records by another name (before the laptop joined
   * the team, or another analyst's) stay local.
   */
  async collect(): Promise<number> {
    const session = await this.store.get('session');
    if (!session) return 0;
    const { db } = this.deps;
    const deviceId = await this.store.deviceId(this.deps.newId);
    // Hashing (WebCrypto) cannot run inside an IndexedDB transaction: read, chain, then write only
    // if nothing moved in between (as the decision log does), else go again.
    for (let attempt = 0; attempt < 10; attempt++) {
      const stored = await this.store.get('collected');
      const pending = (await this.store.get('pendingErasures')) ?? {};
      const from = stored ? await completeCursors(db, stored) : await newestRecords(db);
      const { inputs, next, erasuresUsed } = await gatherRecords(db, from, session.account, pending, this.deps.newId);
      const head = await this.store.outboxHead();
      const events = await chainTeamEvents(inputs, deviceId, head);
      const written = await db.transaction('rw', [db.teamState, db.teamOutbox, db.teamText], async () => {
        const [nowHead, nowCollected, nowPending] = await Promise.all([
          this.store.outboxHead(),
          this.store.get('collected'),
          this.store.get('pendingErasures'),
        ]);
        if (nowHead.seq !== head.seq || JSON.stringify(nowCollected) !== JSON.stringify(stored) || JSON.stringify(nowPending ?? {}) !== JSON.stringify(pending))
          return false;
        if (events.length) await db.teamOutbox.bulkAdd(events);
        // The outbox is append-only; the text beside each event sits apart, where an erasure can reach it.
        const texts = events.flatMap((e, i) => {
          const personal = inputs[i]!.personal;
          return personal ? [{ eventId: e.id, subject: caseSubject(e), at: e.at, personal }] : [];
        });
        if (texts.length) await db.teamText.bulkAdd(texts);
        const last = events.at(-1);
        if (last) await this.store.set('outboxHead', { seq: last.seq, hash: last.hash });
        await this.store.set('collected', next);
        if (erasuresUsed.length)
          await this.store.set('pendingErasures', Object.fromEntries(Object.entries(pending).filter(([seq]) => !erasuresUsed.includes(seq))));
        return true;
      });
      if (written) return events.length;
    }
    throw new Error('The team outbox is busy; try again');
  }

  /** Called at sign-in: records made from now on are the team's; what is already in the logs stays this laptop's history. */
  async startCollecting(): Promise<void> {
    if (!(await this.store.get('collected'))) await this.store.set('collected', await newestRecords(this.deps.db));
  }

  /** Sends the outbox from the confirmed head on, in batches; the server's answer moves the confirmed head. */
  async push(session: TeamSession, transport: TeamTransport): Promise<number> {
    const deviceId = await this.store.deviceId(this.deps.newId);
    const deviceKey = await this.store.deviceKey();
    const batch = Math.min(this.deps.pushBatch ?? 500, PUSH_LIMITS.maxEvents);
    let sent = 0;
    for (;;) {
      const confirmed = await this.store.confirmedHead();
      const chained = await this.store.outboxAfter(confirmed.seq, batch);
      if (chained.length === 0) return sent;
      // Each event goes with the text beside it as it is now: an erased text is not sent.
      const texts = await this.store.textsOf(chained.map((e) => e.id));
      const events = chained.map((e) => {
        const personal = texts.get(e.id);
        return personal && Object.keys(personal).length ? { ...e, personal } : e;
      });
      const answer = await transport.push(session.token, events, deviceKey);
      const mine = answer.heads.find((h) => h.deviceId === deviceId);
      const last = events.at(-1)!;
      // The server says where this device's chain now ends; only a head this laptop wrote is taken.
      if (!mine || mine.seq !== last.seq || mine.hash !== last.hash)
        throw new TeamRefusal(502, { error: 'The team server did not confirm the events it was sent', code: 'bad-answer' });
      await this.store.set('confirmedHead', { seq: mine.seq, hash: mine.hash });
      sent += answer.accepted;
    }
  }

  /** Sends the files of the attachment events pushed so far that the server lacks (see teamAttachments.ts). */
  sendFiles(session: TeamSession, transport: TeamTransport): Promise<{ sent: number; problem: string | null }> {
    return sendAttachedFiles(this.deps.db, this.store, session, transport);
  }

  /** Pulls teammates' events page by page, verifying each device's chain; a broken chain is kept out and named. */
  async pull(session: TeamSession, transport: TeamTransport): Promise<number> {
    const { db } = this.deps;
    const deviceId = await this.store.deviceId(this.deps.newId);
    let stored = 0;
    for (;;) {
      const after = (await this.store.get('pullCursor')) ?? 0;
      const page = await transport.pull(session.token, after, this.deps.pullPage ?? 500);
      const heads = (await this.store.get('pulledHeads')) ?? {};
      const broken = (await this.store.get('brokenDevices')) ?? {};
      const keep: PulledEvent[] = [];
      const byDevice = new Map<string, PulledEvent[]>();
      for (const e of page.events) if (e.deviceId !== deviceId && !broken[e.deviceId]) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
      for (const [device, events] of byDevice) {
        const verdict = await verifyTeamChain(events, heads[device]);
        // A payload that does not fit its kind is refused by the server; here it means the server cannot be trusted for this chain.
        const misfit = verdict.ok ? await firstMisfit(events) : null;
        if (!verdict.ok || misfit) {
          broken[device] = verdict.ok ? misfit! : verdict.reason;
          continue;
        }
        heads[device] = verdict.head;
        keep.push(...events);
      }
      const witnessed = await witnessedTexts(keep);
      await db.transaction('rw', [db.teamEvents, db.teamState, db.teamText], async () => {
        const known = new Set((await db.teamEvents.bulkGet(keep.map((e) => e.id))).filter((e) => e !== undefined).map((e) => e.id));
        const fresh = keep.filter((e) => !known.has(e.id));
        if (fresh.length) await db.teamEvents.bulkAdd(fresh.map(({ personal: _text, ...e }) => ({ ...e, subject: caseSubject(e) })));
        await keepPulledTexts(db, fresh, witnessed);
        // A teammate's erasure on request is applied to this laptop's copies right after (hashing
        // cannot run in here); kept in this transaction, it is applied even after a crash.
        const erasures = erasuresCarried(fresh);
        if (erasures.length) await this.store.set('erasuresToApply', [...((await this.store.get('erasuresToApply')) ?? []), ...erasures]);
        await this.store.set('pulledHeads', heads);
        await this.store.set('brokenDevices', broken);
        await this.store.set('pullCursor', Math.max(after, page.cursor));
        stored += fresh.length;
      });
      if (!page.more || page.events.length === 0) break;
    }
    if ((await applyTeamErasures(db, this.deps.clock)) > 0) {
      this.erased = true;
      await this.deps.onErased?.();
    }
    return stored;
  }

  /** One round: collect, then push and pull when the server answers. Concurrent calls share the round. */
  sync(): Promise<SyncStatus> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<SyncStatus> {
    this.erased = false;
    const status = await this.roundStatus();
    return this.erased ? { ...status, cacheChanged: true } : status;
  }

  private async roundStatus(): Promise<SyncStatus> {
    await this.collect();
    const session = await this.store.get('session');
    if (!session) return this.status();
    const reach = (await this.store.get('reach')) ?? { lastSyncAt: null, offlineSince: null, problem: null };
    const transport = this.deps.transport(session.origin);
    try {
      await this.push(session, transport);
      // Right after their events: a teammate who pulls an attachment can soon fetch its file.
      const files = await this.sendFiles(session, transport);
      await this.pull(session, transport);
      await this.store.set('reach', { lastSyncAt: this.deps.clock.now(), offlineSince: null, problem: files.problem });
    } catch (error) {
      if (error instanceof TeamUnreachable) {
        await this.store.set('reach', { ...reach, offlineSince: reach.offlineSince ?? this.deps.clock.now(), problem: null });
      } else if (error instanceof TeamRefusal) {
        // The session ended at the server: the analyst signs in again; what waits stays in the outbox.
        // Only the session this round used: a sign-in meanwhile (an unlock) ended it and holds a new one.
        if (error.status === 401 && (await this.store.get('session'))?.token === session.token) await this.store.remove('session');
        await this.store.set('reach', { ...reach, offlineSince: null, problem: error.message });
      } else throw error;
    }
    return this.status();
  }

  async status(): Promise<SyncStatus> {
    const [session, outbox, confirmed, reach, files] = await Promise.all([
      this.store.get('session'),
      this.store.outboxHead(),
      this.store.confirmedHead(),
      this.store.get('reach'),
      filesWaiting(this.deps.db, this.store),
    ]);
    return {
      signedIn: session !== undefined,
      waiting: Math.max(0, outbox.seq - confirmed.seq),
      filesWaiting: files,
      lastSyncAt: reach?.lastSyncAt ?? null,
      offlineSince: reach?.offlineSince ?? null,
      problem: reach?.problem ?? null,
    };
  }
}
