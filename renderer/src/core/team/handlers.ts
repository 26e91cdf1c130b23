// The Team room: signing in to the team server and out, the sync round the window drives, the
// teammates' decisions on an order, conflicts for a lead, claims, and the device chain's check
// against the server. The origin is the one the platform was configured with (CSP, policy).
import type { Decision, DecisionEntry } from '../../../../shared/decisions/chain';
import {
  decisionConflicts,
  readTeamOrigin,
  resolvedConflicts,
  teamDecisionOf,
  teamDecisionsThatStand,
  verifyTeamChain,
  type Claim,
  type ClaimSubject,
  type DecisionConflict,
  type TeamAccount,
  type TeamDecision,
  type TeamSettings,
  type TeamStanding,
} from '../../../../shared/team';
import { defaultPurpose } from '../../../../shared/disputes/attachments';
import type { CoreContext } from '../context';
import { AttachmentService, type AttachmentInfo } from '../disputes/attachmentService';
import { savingOrDiskFull } from '../storage/diskFull';
import { resolveConflict } from './resolutions';
import { fetchTeammateFile, type TeammateFile } from './teamAttachments';
import { readTeamDecisions } from './teamDecisions';
import type { TeamSession } from '../storage/teamStore';
import { TeamSync, type SyncStatus } from './teamSync';
import { httpTransport, TeamRefusal, type TeamTransport } from './teamTransport';

export interface TeamStatus extends SyncStatus {
  origin: string | null;
  account: TeamSession['account'] | null;
  sessionExpiresAt: number | null;
  settings: TeamSettings | null;
  deviceId: string | null;
  /** The idle lock is on: the window shows only the password until the account signs in again. */
  locked: boolean;
}

export interface DeviceChainCheck {
  /** This laptop's own chain of team events, checked link by link. */
  local: { ok: true; seq: number } | { ok: false; reason: string };
  /** The server's head for this device, and whether the local chain holds it. */
  server: { seq: number; matches: boolean; reason: string | null } | null;
  /** Teammates' devices whose pulled chains did not verify. */
  brokenDevices: { deviceId: string; reason: string }[];
}

export function teamHandlers(
  ctx: CoreContext,
  transportFor: (origin: string) => TeamTransport = (o) => httpTransport(o),
  newId: () => string = () => crypto.randomUUID(),
) {
  const sync = new TeamSync({
    db: ctx.db,
    clock: ctx.clock,
    transport: transportFor,
    newId,
    // A teammate's erasure blanked orders here: what the core holds of them in memory goes, as after a local erasure.
    onErased: async () => {
      ctx.rings.invalidate();
      await ctx.reopen();
    },
  });
  const store = sync.store;

  async function signedIn(): Promise<{ session: TeamSession; transport: TeamTransport }> {
    const session = await store.get('session');
    if (!session) throw new Error('Sign in to the team server first (Settings → Team)');
    return { session, transport: transportFor(session.origin) };
  }

  const teamDecisions = async (): Promise<TeamDecision[]> => (await readTeamDecisions(ctx.log, store)).decisions;

  return {
    async teamStatus(): Promise<TeamStatus> {
      const [status, session, settings, deviceId, locked] = await Promise.all([
        sync.status(),
        store.get('session'),
        store.get('settings'),
        store.get('deviceId'),
        store.get('idleLocked'),
      ]);
      return {
        ...status,
        origin: session?.origin ?? null,
        account: session?.account ?? null,
        sessionExpiresAt: session?.expiresAt ?? null,
        settings: settings ?? null,
        deviceId: deviceId ?? null,
        locked: session !== undefined && locked === true,
      };
    },

    /** Signs in at `origin` (the configured one; the window refuses others first), keeps the token, reads the team settings. */
    async teamSignIn(origin: string, name: string, password: string): Promise<TeamStatus> {
      const read = readTeamOrigin(origin);
      if (!read.ok) throw new Error(`The team server's address ${read.reason}`);
      const transport = transportFor(read.origin);
      const previous = await store.get('session');
      const answer = await transport.signIn(name.trim(), password);
      const session: TeamSession = { origin: read.origin, token: answer.token, expiresAt: answer.expiresAt, account: answer.account };
      const settings = await transport.settings(answer.token);
      await sync.startCollecting();
      await store.set('session', session);
      await store.set('settings', settings.settings);
      // The password was right: an idle lock ends here, and only here.
      await store.remove('idleLocked');
      // The session this one replaces (an unlock, a second sign-in) ends at the server too, so no
      // older token this laptop held stays valid there; unreachable, it expires as at sign-out.
      if (previous && previous.token !== answer.token)
        await transportFor(previous.origin)
          .signOut(previous.token)
          .catch(() => undefined);
      // Where the server's chain for this device ends: an answer lost before sign-out is not sent twice.
      const deviceId = await store.deviceId(newId);
      const head = await transport.deviceHead(answer.token, deviceId);
      const mine = head.seq > 0 ? await ctx.db.teamOutbox.get(head.seq) : null;
      if (mine && mine.hash === head.hash) await store.set('confirmedHead', { seq: head.seq, hash: head.hash });
      return this.teamStatus();
    },

    /** Changes the signed-in account's password at the server; this laptop's session goes on, the account's others end. */
    async teamChangePassword(current: string, next: string): Promise<void> {
      const session = await store.get('session');
      if (!session) throw new Error('Sign in to the team first: the password is the team account’s');
      await transportFor(session.origin).changePassword(session.token, current, next);
    },

    /** The window saw the team's idle time pass without input: locked until the password signs in again (teamSignIn). */
    async teamLock(): Promise<TeamStatus> {
      if (await store.get('session')) await store.set('idleLocked', true);
      return this.teamStatus();
    },

    async teamSignOut(): Promise<void> {
      const session = await store.get('session');
      await store.remove('idleLocked');
      if (!session) return;
      // The session ends here whatever the server says; an unreachable server lets it expire.
      await transportFor(session.origin)
        .signOut(session.token)
        .catch(() => undefined);
      await store.remove('session');
    },

    /** One sync round (the window calls it on a timer and when the network comes back). */
    syncTeam: (): Promise<SyncStatus> => sync.sync(),

    /** Who decided this order on other laptops: pulled decisions, oldest first. */
    async teammatesDecisions(orderKey: string): Promise<TeamDecision[]> {
      return (await store.eventsAbout(`order:${orderKey}`)).map(teamDecisionOf).filter((d): d is TeamDecision => d !== null);
    },

    /** Orders whose open decisions differ between laptops (this one included): never resolved, or decided again since. */
    async teamConflicts(): Promise<DecisionConflict<TeamDecision>[]> {
      return decisionConflicts(await teamDecisions());
    },

    /** Orders a lead's resolution settles, with the decisions it settled. */
    async teamResolutions(): Promise<TeamStanding<TeamDecision>[]> {
      return resolvedConflicts(await teamDecisions());
    },

    /** The team's decisions on one order and the one that stands (null: nobody decided it). */
    async teamStandingOf(orderKey: string): Promise<TeamStanding<TeamDecision> | null> {
      return teamDecisionsThatStand((await teamDecisions()).filter((d) => d.orderKey === orderKey)).get(orderKey) ?? null;
    },

    /** A lead decides which decision stands on an order the team decided differently (logged here, synced as a resolution). */
    resolveConflict(orderKey: string, decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry> {
      return savingOrDiskFull('the resolution', () => resolveConflict(ctx, store, orderKey, decision, reasonCode, note));
    },

    /** A teammate's attached file from the team server, checked against the SHA-256 its event names (to save it). */
    async teammateAttachment(eventId: string): Promise<TeammateFile> {
      const { session, transport } = await signedIn();
      return fetchTeammateFile(ctx.db, store, session, transport, eventId);
    },

    /** A teammate's attached file added to the dispute's files here, with the checks any attached file gets. */
    async addTeammateAttachment(eventId: string): Promise<AttachmentInfo> {
      const { session, transport } = await signedIn();
      const file = await fetchTeammateFile(ctx.db, store, session, transport, eventId);
      return savingOrDiskFull('the attached file', () =>
        new AttachmentService(ctx.db, ctx.clock).attach(file.disputeId, file.name, file.bytes, file.purpose ?? defaultPurpose(file.type)),
      );
    },

    async teamClaims(): Promise<Claim[]> {
      const { session, transport } = await signedIn();
      return transport.claims(session.token);
    },

    async claimCase(subject: ClaimSubject, key: string): Promise<Claim> {
      const { session, transport } = await signedIn();
      return transport.claim(session.token, subject, key);
    },

    async releaseCase(subject: ClaimSubject, key: string): Promise<void> {
      const { session, transport } = await signedIn();
      await transport.release(session.token, subject, key);
    },

    async reassignCase(subject: ClaimSubject, key: string, to: string): Promise<Claim> {
      const { session, transport } = await signedIn();
      return transport.reassign(session.token, subject, key, to);
    },

    async teamAccounts(): Promise<TeamAccount[]> {
      const { session, transport } = await signedIn();
      return transport.accounts(session.token);
    },

    async setTeamAccountDisabled(name: string, disabled: boolean): Promise<void> {
      const { session, transport } = await signedIn();
      await transport.setAccountDisabled(session.token, name, disabled);
    },

    /** Verify: this device's chain on its own, against the server's head for it, and the teammates' chains. */
    async checkDeviceChain(): Promise<DeviceChainCheck> {
      const outbox = await store.outbox();
      const verdict = await verifyTeamChain(outbox);
      const local = verdict.ok ? ({ ok: true, seq: verdict.head.seq } as const) : ({ ok: false, reason: verdict.reason } as const);
      const brokenDevices = Object.entries((await store.get('brokenDevices')) ?? {}).map(([deviceId, reason]) => ({ deviceId, reason }));
      const session = await store.get('session');
      const deviceId = await store.get('deviceId');
      if (!session || !deviceId) return { local, server: null, brokenDevices };
      let head;
      try {
        head = await transportFor(session.origin).deviceHead(session.token, deviceId);
      } catch (error) {
        if (error instanceof TeamRefusal) throw error;
        return { local, server: null, brokenDevices };
      }
      const at = outbox.find((e) => e.seq === head.seq);
      const matches = head.seq === 0 || at?.hash === head.hash;
      const reason = matches
        ? null
        : head.seq > outbox.length
          ? `the server holds ${head.seq} events of this laptop, this laptop only ${outbox.length}: events were lost here`
          : `event ${head.seq} here differs from the one the server witnessed: this laptop's chain was rewritten`;
      return { local, server: { seq: head.seq, matches, reason }, brokenDevices };
    },
  };
}

export type TeamHandlers = ReturnType<typeof teamHandlers>;
