// An in-memory team server with the real one's chain rules (chainBreak, idempotent replays,
// all-or-nothing pushes), so the sync engine is tested without a network; each call can be made
// to fail before or after the server changed anything, as a cut connection does.
import {
  chainBreak,
  checkReceivedFile,
  DEFAULT_IMPORT_ROLES,
  DEFAULT_UNDO_IMPORT_ROLES,
  GENESIS_HEAD,
  mayPush,
  parseCasePayload,
  teamEventHash,
  type PulledEvent,
  type Role,
  type TeamEvent,
} from '../../../shared/team';
import type { LogHead } from '../../../shared/decisions/chain';
import { TeamRefusal, TeamUnreachable, type TeamTransport } from '../../../renderer/src/core/team/teamTransport';

const notInTheFake = async (): Promise<never> => {
  throw new Error('not in the fake');
};

export class FakeTeamServer {
  events: PulledEvent[] = [];
  heads = new Map<string, LogHead>();
  /** Next calls: 'down' throws before anything happens, 'lose-answer' stores then throws. */
  faults: ('down' | 'lose-answer')[] = [];
  duplicates = 0;
  /** Attached files' bytes by SHA-256, and the SHA-256 of each upload that arrived (a replay too). */
  files = new Map<string, Uint8Array>();
  uploads: string[] = [];
  /** Next file uploads: 'down' fails before the file arrives, 'lose-answer' keeps it and fails after. */
  uploadFaults: ('down' | 'lose-answer')[] = [];
  /** Events an erasure named. */
  erased = new Set<string>();

  transport(name: string, role: 'analyst' | 'lead' | 'compliance' = 'analyst'): TeamTransport {
    const fault = () => this.faults.shift();
    const store = (events: TeamEvent[]) => this.store(events, name, role);
    const read = () => this;
    return {
      async signIn() {
        if (fault() === 'down') throw new TeamUnreachable('fake');
        return { token: `token-of-${name}-0000000000000000`, expiresAt: 1e13, account: { name, role } };
      },
      async signOut() {},
      async changePassword() {},
      async settings() {
        return {
          settings: { idleLockMinutes: 15, importRoles: [...DEFAULT_IMPORT_ROLES], undoImportRoles: [...DEFAULT_UNDO_IMPORT_ROLES] },
          account: { name, role },
          sessionExpiresAt: 1e13,
          schemaVersion: 1,
          minimumSchemaVersion: 1,
        };
      },
      async push(_token, events) {
        const f = fault();
        if (f === 'down') throw new TeamUnreachable('fake');
        const answer = await store(events);
        if (f === 'lose-answer') throw new TeamUnreachable('fake');
        return answer;
      },
      async pull(_token, after, limit) {
        const server = read();
        if (fault() === 'down') throw new TeamUnreachable('fake');
        const page = server.events.filter((e) => e.serverSeq > after).slice(0, limit);
        return { events: page, cursor: page.at(-1)?.serverSeq ?? after, more: server.events.some((e) => e.serverSeq > (page.at(-1)?.serverSeq ?? after)) };
      },
      async deviceHead(_token, deviceId) {
        const server = read();
        return { deviceId, ...(server.heads.get(deviceId) ?? GENESIS_HEAD) };
      },
      claims: async () => [],
      claim: async () => {
        throw new Error('not in the fake');
      },
      release: async () => undefined,
      reassign: async () => {
        throw new Error('not in the fake');
      },
      accounts: async () => [],
      setAccountDisabled: async () => undefined,
      // Team imports are tested against the real server (test/server/importOps.test.ts).
      declareImport: notInTheFake,
      uploadChunk: notInTheFake,
      uploadState: notInTheFake,
      completeImport: notInTheFake,
      undoImport: notInTheFake,
      teamOps: notInTheFake,
      opChunk: notInTheFake,
      async uploadAttachment(_token, sha256, bytes) {
        const f = read().uploadFaults.shift();
        if (f === 'down') throw new TeamUnreachable('fake');
        const server = read();
        if (role === 'compliance') throw new TeamRefusal(403, { error: 'compliance sends no files', code: 'forbidden' });
        const checked = await checkReceivedFile(bytes, sha256, 'the file');
        if (!checked.ok) throw new TeamRefusal(checked.code === 'too-large' ? 413 : 400, { error: checked.problem, code: checked.code });
        const naming = server.eventsAttaching(sha256);
        if (naming.length === 0) throw new TeamRefusal(409, { error: 'no attachment event names the file', code: 'not-named' });
        if (naming.every((e) => server.erased.has(e.id))) throw new TeamRefusal(410, { error: 'the file was erased', code: 'erased' });
        server.uploads.push(sha256);
        if (!server.files.has(sha256)) server.files.set(sha256, new Uint8Array(bytes));
        if (f === 'lose-answer') throw new TeamUnreachable('fake');
      },
      async attachmentHeld(_token, sha256) {
        if (fault() === 'down') throw new TeamUnreachable('fake');
        return read().files.has(sha256);
      },
      async attachmentBytes(_token, sha256) {
        if (fault() === 'down') throw new TeamUnreachable('fake');
        const bytes = read().files.get(sha256);
        if (!bytes) throw new TeamRefusal(404, { error: 'the team server holds no such file', code: 'no-such-file' });
        return new Uint8Array(bytes);
      },
    };
  }

  /** The events that attach the file with this SHA-256. */
  eventsAttaching(sha256: string): PulledEvent[] {
    return this.events.filter((e) => e.kind === 'attachment' && e.payload['action'] === 'attached' && e.payload['sha256'] === sha256);
  }

  /** Checks the whole batch, then stores it: what the real server's push does. */
  private async store(events: TeamEvent[], name: string, role: Role) {
    const staged = new Map(this.heads);
    const fresh: TeamEvent[] = [];
    for (const e of events) {
      if (e.analyst !== name) throw new TeamRefusal(403, { error: `events are attributed to ${name}`, code: 'forbidden' });
      if (!mayPush(role, e.kind)) throw new TeamRefusal(403, { error: `a ${role} account may not push ${e.kind} events`, code: 'forbidden-kind' });
      const known = this.events.find((k) => k.id === e.id);
      if (known) {
        this.duplicates++;
        continue;
      }
      const read = parseCasePayload(e);
      if (!read.ok) throw new TeamRefusal(400, { error: read.reason, code: 'malformed-payload' });
      const broken = chainBreak(e, staged.get(e.deviceId) ?? GENESIS_HEAD);
      if (broken || (await teamEventHash(e)) !== e.hash) throw new TeamRefusal(409, { error: broken?.reason ?? 'hash', code: broken?.code ?? 'hash' });
      staged.set(e.deviceId, { seq: e.seq, hash: e.hash });
      fresh.push(e);
    }
    for (const e of fresh) this.events.push({ ...e, serverSeq: this.events.length + 1, receivedAt: 0 });
    // An erasure deletes the text beside the events it names, and the files no other live event attaches, as the real server's does.
    for (const e of fresh) {
      const read = parseCasePayload(e);
      if (!read.ok || read.record.kind !== 'erasure') continue;
      const named = new Set(read.record.payload.eventIds);
      for (const id of named) this.erased.add(id);
      this.events = this.events.map(({ personal, ...k }) => (named.has(k.id) || !personal ? k : { ...k, personal }));
      for (const k of this.events.filter((x) => named.has(x.id) && x.kind === 'attachment')) {
        const sha256 = String(k.payload['sha256']);
        if (this.eventsAttaching(sha256).every((x) => this.erased.has(x.id))) this.files.delete(sha256);
      }
    }
    this.heads = staged;
    const devices = [...new Set(events.map((e) => e.deviceId))];
    return { accepted: fresh.length, duplicates: events.length - fresh.length, heads: devices.map((d) => ({ deviceId: d, ...staged.get(d)! })) };
  }
}
