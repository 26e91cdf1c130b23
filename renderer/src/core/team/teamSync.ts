// The sync of the team's work: local records become this device's chain of team events (the
// outbox), pushed from the head the server last confirmed, and teammates' events are pulled by
// the server's cursor, each device's chain verified before it is stored. Every step can stop at
// any point and run again: pushes resend from the confirmed head (the server ignores what it has),
// pulls store events and the cursor in one transaction, and event ids make both idempotent.
import { chainTeamEvents, PUSH_LIMITS, verifyTeamChain, type PulledEvent, type TeamEventInput } from '../../../../shared/team';
import { decisionEventInput, ringVerdictEventInput, subjectOf } from '../../../../shared/team/records';
import type { Clock } from '../../../../shared/time/clock';
import { TeamStore, type TeamSession } from '../storage/teamStore';
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
}

export interface SyncStatus {
  signedIn: boolean;
  /** Changes recorded here the server has not confirmed yet (in the outbox or not yet collected). */
  waiting: number;
  lastSyncAt: number | null;
  offlineSince: number | null;
  problem: string | null;
}

export class TeamSync {
  readonly store: TeamStore;
  private running: Promise<SyncStatus> | null = null;

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
      const collected = stored ?? (await this.startingPoint());
      // A restore replaced the log beneath the cursor: go on from its new head, exporting no history twice.
      const atCursor = collected.decisions.seq > 0 ? await db.decisions.get(collected.decisions.seq) : null;
      const decisionsFrom = collected.decisions.seq > 0 && atCursor?.hash !== collected.decisions.hash ? await this.logHead() : collected.decisions;
      const decisions = await db.decisions.where('seq').above(decisionsFrom.seq).sortBy('seq');
      const marks = await db.ringMarks.where('id').above(collected.ringMarks).sortBy('id');
      const mine = (analyst: string) => analyst === session.account.name;
      const inputs: TeamEventInput[] = [
        ...decisions.filter((e) => mine(e.analyst)).map((e) => decisionEventInput(e, this.deps.newId())),
        ...marks.filter((m) => mine(m.analyst)).map((m) => ringVerdictEventInput({ ...m, id: m.id! }, this.deps.newId())),
      ].sort((a, b) => a.at - b.at);
      const head = await this.store.outboxHead();
      const events = await chainTeamEvents(inputs, deviceId, head);
      const lastDecision = decisions.at(-1);
      const next = {
        decisions: lastDecision ? { seq: lastDecision.seq, hash: lastDecision.hash } : decisionsFrom,
        ringMarks: marks.at(-1)?.id ?? collected.ringMarks,
      };
      const written = await db.transaction('rw', [db.teamState, db.teamOutbox], async () => {
        const [nowHead, nowCollected] = await Promise.all([this.store.outboxHead(), this.store.get('collected')]);
        if (nowHead.seq !== head.seq || JSON.stringify(nowCollected) !== JSON.stringify(stored)) return false;
        if (events.length) await db.teamOutbox.bulkAdd(events);
        const last = events.at(-1);
        if (last) await this.store.set('outboxHead', { seq: last.seq, hash: last.hash });
        await this.store.set('collected', next);
        return true;
      });
      if (written) return events.length;
    }
    throw new Error('The team outbox is busy; try again');
  }

  /** Called at sign-in: records made from now on are the team's; what is already in the logs stays this laptop's history. */
  async startCollecting(): Promise<void> {
    if (!(await this.store.get('collected'))) await this.store.set('collected', await this.startingPoint());
  }

  private async startingPoint() {
    const lastMark = await this.deps.db.ringMarks.orderBy('id').last();
    return { decisions: await this.logHead(), ringMarks: lastMark?.id ?? 0 };
  }

  private async logHead() {
    const h = await this.deps.db.decisionHead.get('head');
    return h ? { seq: h.seq, hash: h.hash } : { seq: 0, hash: '' };
  }

  /** Sends the outbox from the confirmed head on, in batches; the server's answer moves the confirmed head. */
  async push(session: TeamSession, transport: TeamTransport): Promise<number> {
    const deviceId = await this.store.deviceId(this.deps.newId);
    const deviceKey = await this.store.deviceKey();
    const batch = Math.min(this.deps.pushBatch ?? 500, PUSH_LIMITS.maxEvents);
    let sent = 0;
    for (;;) {
      const confirmed = await this.store.confirmedHead();
      const events = await this.store.outboxAfter(confirmed.seq, batch);
      if (events.length === 0) return sent;
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
        if (!verdict.ok) {
          broken[device] = verdict.reason;
          continue;
        }
        heads[device] = verdict.head;
        keep.push(...events);
      }
      await db.transaction('rw', [db.teamEvents, db.teamState], async () => {
        const known = new Set((await db.teamEvents.bulkGet(keep.map((e) => e.id))).filter((e) => e !== undefined).map((e) => e.id));
        const fresh = keep.filter((e) => !known.has(e.id));
        if (fresh.length) await db.teamEvents.bulkAdd(fresh.map((e) => ({ ...e, subject: subjectOf(e) })));
        await this.store.set('pulledHeads', heads);
        await this.store.set('brokenDevices', broken);
        await this.store.set('pullCursor', Math.max(after, page.cursor));
        stored += fresh.length;
      });
      if (!page.more || page.events.length === 0) return stored;
    }
  }

  /** One round: collect, then push and pull when the server answers. Concurrent calls share the round. */
  sync(): Promise<SyncStatus> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<SyncStatus> {
    await this.collect();
    const session = await this.store.get('session');
    if (!session) return this.status();
    const reach = (await this.store.get('reach')) ?? { lastSyncAt: null, offlineSince: null, problem: null };
    const transport = this.deps.transport(session.origin);
    try {
      await this.push(session, transport);
      await this.pull(session, transport);
      await this.store.set('reach', { lastSyncAt: this.deps.clock.now(), offlineSince: null, problem: null });
    } catch (error) {
      if (error instanceof TeamUnreachable) {
        await this.store.set('reach', { ...reach, offlineSince: reach.offlineSince ?? this.deps.clock.now(), problem: null });
      } else if (error instanceof TeamRefusal) {
        // The session ended at the server: the analyst signs in again; what waits stays in the outbox.
        if (error.status === 401) await this.store.remove('session');
        await this.store.set('reach', { ...reach, offlineSince: null, problem: error.message });
      } else throw error;
    }
    return this.status();
  }

  async status(): Promise<SyncStatus> {
    const [session, outbox, confirmed, reach] = await Promise.all([
      this.store.get('session'),
      this.store.outboxHead(),
      this.store.confirmedHead(),
      this.store.get('reach'),
    ]);
    return {
      signedIn: session !== undefined,
      waiting: Math.max(0, outbox.seq - confirmed.seq),
      lastSyncAt: reach?.lastSyncAt ?? null,
      offlineSince: reach?.offlineSince ?? null,
      problem: reach?.problem ?? null,
    };
  }
}
