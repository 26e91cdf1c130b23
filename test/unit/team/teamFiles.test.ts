// Dispute files in the team sync, two laptops against the in-memory server: a file attached here
// goes to the server right after its event, once; a round cut short resumes; a file removed or
// erased since stays home; a teammate fetches it checked against the event's SHA-256 (altered
// bytes are refused, saying so) and may add it to the dispute's files on their own laptop.
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../renderer/src/core/context';
import { AttachmentService } from '../../../renderer/src/core/disputes/attachmentService';
import { applyPersonalDataPlan, cacheStateOf } from '../../../renderer/src/core/privacy/personalData';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { teamCaseHandlers } from '../../../renderer/src/core/team/caseHandlers';
import { teamHandlers } from '../../../renderer/src/core/team/handlers';
import { fillCache } from '../../support/backupCache';
import { FakeTeamServer } from './fakeTeamServer';

const START = Date.UTC(2026, 11, 31, 23, 30); // the year turns between rounds
const ORIGIN = 'http://127.0.0.1:8787';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url)));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDF = fixture('delivery-confirmation.pdf');
const PNG = fixture('proof-of-delivery.png');

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A laptop with the same cache as its teammates' (dispute dp_1 on order shopify:#1001), signed in as `name`. */
async function laptop(server: FakeTeamServer, name: string) {
  const clock = { at: START, now: () => clock.at++ };
  const db = await fillCache(`files-${randomUUID()}`, 0, 5);
  opened.push(db);
  const ctx = createContext(db, clock);
  const team = { ...teamHandlers(ctx, () => server.transport(name)), ...teamCaseHandlers(ctx) };
  await team.teamSignIn(ORIGIN, name, 'pw');
  const files = new AttachmentService(db, clock);
  return { db, team, files, clock };
}

describe('dispute files in the team sync', () => {
  it('sends a file attached here right after its event, once, and a teammate fetches it byte for byte', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    await a.files.attach('dp_1', 'delivery-confirmation.pdf', PDF, 'proof-of-delivery');
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 0, filesWaiting: 0, problem: null });
    expect(server.uploads).toEqual([sha256(PDF)]);
    expect(server.files.get(sha256(PDF))).toEqual(PDF);
    await a.team.syncTeam();
    expect(server.uploads).toHaveLength(1);

    await b.team.syncTeam();
    const [step] = await b.team.teammatesDisputeSteps('dp_1');
    expect(step).toMatchObject({ kind: 'attachment', action: 'attached', name: 'delivery-confirmation.pdf', sha256: sha256(PDF), removedSince: false });
    const file = await b.team.teammateAttachment(step!.eventId);
    expect(file).toMatchObject({ disputeId: 'dp_1', name: 'delivery-confirmation.pdf', type: 'pdf', purpose: 'proof-of-delivery' });
    expect(sha256(file.bytes)).toBe(sha256(PDF));
  });

  it('refuses a teammate’s file whose bytes from the server are not the ones its event names, saying so', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    await a.files.attach('dp_1', 'delivery-confirmation.pdf', PDF, 'proof-of-delivery');
    await a.team.syncTeam();
    await b.team.syncTeam();
    const [step] = await b.team.teammatesDisputeSteps('dp_1');
    const altered = new Uint8Array(PDF);
    altered[100] = altered[100]! ^ 1;
    server.files.set(sha256(PDF), altered);
    await expect(b.team.teammateAttachment(step!.eventId)).rejects.toThrow(
      `Ana Weber’s file from the team server was refused, and not saved: “delivery-confirmation.pdf” is not the file its SHA-256 ${sha256(PDF).slice(0, 12)}… names: its bytes differ`,
    );
    await expect(b.team.addTeammateAttachment(step!.eventId)).rejects.toThrow(/refused/);
    expect(await b.db.disputeAttachments.count()).toBe(0);
  });

  it('adds a teammate’s file to the dispute’s files here with the usual checks; the server already holds it', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    await a.files.attach('dp_1', 'proof-of-delivery.png', PNG, 'screenshot');
    await a.team.syncTeam();
    await b.team.syncTeam();
    const [step] = await b.team.teammatesDisputeSteps('dp_1');
    const added = await b.team.addTeammateAttachment(step!.eventId);
    expect(added).toMatchObject({
      disputeId: 'dp_1',
      name: 'proof-of-delivery.png',
      type: 'png',
      purpose: 'screenshot',
      sha256: sha256(PNG),
      analyst: 'Ben Ito',
    });
    expect((await b.files.content(added.id)).bytes).toEqual(PNG);
    await expect(b.team.addTeammateAttachment(step!.eventId)).rejects.toThrow('is already attached to this dispute');
    // Ben's own attachment event goes to the team; its file is not sent again.
    expect(await b.team.syncTeam()).toMatchObject({ waiting: 0, filesWaiting: 0, problem: null });
    expect(server.events.filter((e) => e.kind === 'attachment').map((e) => e.analyst)).toEqual(['Ana Weber', 'Ben Ito']);
    expect(server.uploads).toEqual([sha256(PNG)]);
  });

  it('resumes a file cut off with the connection, and does not send again one whose answer was lost', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.files.attach('dp_1', 'delivery-confirmation.pdf', PDF, 'proof-of-delivery');
    server.uploadFaults.push('down');
    const cut = await a.team.syncTeam();
    expect(cut).toMatchObject({ waiting: 0, filesWaiting: 1 });
    expect(cut.offlineSince).not.toBeNull();
    expect(server.files.size).toBe(0);
    expect(await a.team.syncTeam()).toMatchObject({ filesWaiting: 0, offlineSince: null });
    expect(server.files.get(sha256(PDF))).toEqual(PDF);

    await a.files.attach('dp_1', 'proof-of-delivery.png', PNG, 'screenshot');
    server.uploadFaults.push('lose-answer');
    expect(await a.team.syncTeam()).toMatchObject({ filesWaiting: 1 });
    expect(await a.team.syncTeam()).toMatchObject({ filesWaiting: 0, problem: null });
    expect(server.uploads).toEqual([sha256(PDF), sha256(PNG)]);
  });

  it('does not send a file removed here since its event went, nor one the team erased meanwhile', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const pdf = await a.files.attach('dp_1', 'delivery-confirmation.pdf', PDF, 'proof-of-delivery');
    await a.files.attach('dp_1', 'proof-of-delivery.png', PNG, 'screenshot');
    server.uploadFaults.push('down');
    expect(await a.team.syncTeam()).toMatchObject({ filesWaiting: 2 });
    await a.files.remove(pdf.id, 'wrong parcel');
    // A teammate erased the customer: the server names the PNG's event erased.
    server.erased.add(server.eventsAttaching(sha256(PNG))[0]!.id);
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 0, filesWaiting: 0, problem: null });
    expect(server.uploads).toEqual([]);
    expect(server.files.size).toBe(0);
  });

  it('names a file the server refuses and still sends the files after it; the refused one is tried again next round', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const pdf = await a.files.attach('dp_1', 'delivery-confirmation.pdf', PDF, 'proof-of-delivery');
    // The cache's copy changed on disk after it was attached: its bytes no longer hash to its SHA-256.
    const damaged = new Uint8Array(PDF);
    damaged[50] = damaged[50]! ^ 1;
    await a.db.disputeAttachments.update(pdf.id, { bytes: damaged });
    await a.files.attach('dp_1', 'proof-of-delivery.png', PNG, 'screenshot');
    const round = await a.team.syncTeam();
    expect(round.problem).toMatch(/^a file attached to dispute dp_1 was not sent: .*its bytes differ/);
    expect(round).toMatchObject({ waiting: 0, filesWaiting: 2 });
    expect([...server.files.keys()]).toEqual([sha256(PNG)]);
    await a.team.syncTeam();
    expect(server.uploads).toEqual([sha256(PNG)]);
  });

  it('shows a teammate’s file removed since as removed, and an erasure here takes the server’s copy', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    const pdf = await a.files.attach('dp_1', 'delivery-confirmation.pdf', PDF, 'proof-of-delivery');
    const png = await a.files.attach('dp_1', 'proof-of-delivery.png', PNG, 'screenshot');
    await a.team.syncTeam();
    await a.files.remove(pdf.id, 'wrong parcel');
    await a.team.syncTeam();
    await b.team.syncTeam();
    const steps = await b.team.teammatesDisputeSteps('dp_1');
    expect(steps.map((s) => (s.kind === 'attachment' ? [s.action, s.sha256, s.removedSince] : null))).toEqual([
      ['removed', sha256(PDF), false],
      ['attached', sha256(PNG), false],
      ['attached', sha256(PDF), true],
    ]);

    // Ana erases the customer of the dispute's order: the file goes here and, with the erasure, at the server.
    await applyPersonalDataPlan(
      a.db,
      {
        kind: 'erasure',
        cacheState: await cacheStateOf(a.db),
        logHead: (await a.db.decisionHead.get('head')) ?? null,
        rows: new Map(),
        orderKeys: ['shopify:#1001'],
        orders: 1,
        payments: [],
        notes: [],
        keptNotes: [],
        archivedNotes: [],
        noteHashes: [],
        keptArchivedNotes: [],
        overrides: [],
        attachments: [png.id],
        linkValues: [],
      },
      { reference: 'DSR-2027-001', clock: a.clock },
    );
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 0, filesWaiting: 0 });
    expect(server.files.size).toBe(0);
    await b.team.syncTeam();
    const erased = (await b.team.teammatesDisputeSteps('dp_1')).find((s) => s.kind === 'attachment' && s.sha256 === sha256(PNG) && s.action === 'attached');
    await expect(b.team.teammateAttachment(erased!.eventId)).rejects.toThrow('the team server holds no such file');
  });
});
