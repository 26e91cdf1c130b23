// Dispute files at the team server: the attaching laptop sends a file's bytes under their SHA-256
// once its attachment event is pushed; teammates fetch them byte for byte as a download. Refused:
// bytes that are not the named file, too large, not a type a laptop attaches, from a role that
// attaches nothing, or named by no event; an erasure of the events takes the bytes with it.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, TeamRefusal, type TeamTransport } from '../../renderer/src/core/team/teamTransport';
import { migrate, readMigrations } from '../../server/postgres/migrate';
import { ATTACHMENT_LIMITS } from '../../shared/disputes/attachments';
import { attachmentFilePath, payloadText, type TeamEventInput } from '../../shared/team';
import { freshDatabase, type Harness, injectFetch, Laptop, START, startHarness } from './teamServerHarness';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/attachments');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const PDF = fixture('delivery-confirmation.pdf');
const PNG = fixture('proof-of-delivery.png');

/** The event a laptop pushes when its analyst attaches (or removes) a file on dispute `disputeId`. */
function attachmentEvent(bytes: Buffer, disputeId = 'dp_1001', action: 'attached' | 'removed' = 'attached', attachmentId = 1): TeamEventInput {
  return {
    id: randomUUID(),
    kind: 'attachment',
    analyst: 'Ana Weber',
    at: START,
    payload: { disputeId, action, attachmentId, type: 'pdf', purpose: 'proof-of-delivery', size: bytes.length, sha256: sha256(bytes), nameHash: null },
  };
}

const erasureEvent = (eventIds: string[]): TeamEventInput => ({
  id: randomUUID(),
  kind: 'erasure',
  analyst: 'Ana Weber',
  at: START + 1000,
  payload: { reason: 'erasure', logSeq: 7, eventIds },
});

describe('attachment files at the team server', () => {
  let h: Harness;
  let ana: string, carla: string, lea: string;
  let laptop: Laptop;
  const pushed = async (inputs: TeamEventInput[]) => {
    const events = await laptop.chain(inputs);
    const r = await h.push(ana, events);
    expect(r.status).toBe(200);
    return events;
  };
  const put = (token: string | null, sha: string, bytes: Buffer, type?: string) => h.binary('PUT', attachmentFilePath(sha), token, bytes, type);
  const get = (token: string | null, sha: string) => h.binary('GET', attachmentFilePath(sha), token);
  const held = async () => (await h.pool.query<{ sha256: string }>('SELECT sha256 FROM attachment_files ORDER BY sha256')).rows.map((r) => r.sha256);

  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana Weber', 'analyst');
    await h.addUser('Carla', 'compliance');
    await h.addUser('Lea', 'lead');
    [ana, carla, lea] = [await h.signIn('Ana Weber'), await h.signIn('Carla'), await h.signIn('Lea')];
    laptop = new Laptop('Ana Weber');
  });
  afterAll(() => h.close());

  it('takes the bytes an attachment event names and gives them back byte for byte, as a download only', async () => {
    await pushed([attachmentEvent(PDF)]);
    expect((await put(ana, sha256(PDF), PDF)).status).toBe(204);
    const row = (await h.pool.query('SELECT size, type, uploaded_by, uploaded_at FROM attachment_files WHERE sha256 = $1', [sha256(PDF)])).rows[0];
    expect(row).toMatchObject({ size: PDF.length, type: 'pdf', uploaded_at: String(START) });
    const uploader = (await h.pool.query("SELECT id FROM accounts WHERE name = 'Ana Weber'")).rows[0].id;
    expect(row.uploaded_by).toBe(uploader);

    // Compliance reads the team's cases: it may fetch the file.
    const fetched = await h.app.inject({
      method: 'GET',
      url: attachmentFilePath(sha256(PDF)),
      headers: { 'x-workbench-schema': '1', authorization: `Bearer ${carla}` },
    });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.rawPayload.equals(PDF)).toBe(true);
    expect(fetched.headers['content-type']).toBe('application/octet-stream');
    expect(fetched.headers['content-disposition']).toBe(`attachment; filename="${sha256(PDF)}"`);
    expect(fetched.headers['x-content-type-options']).toBe('nosniff');
  });

  it('changes nothing when the same bytes come again (an answer lost, or a teammate attached the same file)', async () => {
    await pushed([attachmentEvent(PDF, 'dp_1002')]);
    const before = (await h.pool.query('SELECT uploaded_by, uploaded_at FROM attachment_files WHERE sha256 = $1', [sha256(PDF)])).rows;
    h.clock.advance(60_000);
    expect((await put(lea, sha256(PDF), PDF)).status).toBe(204);
    expect((await put(ana, sha256(PDF), PDF)).status).toBe(204);
    expect((await h.pool.query('SELECT uploaded_by, uploaded_at FROM attachment_files WHERE sha256 = $1', [sha256(PDF)])).rows).toEqual(before);
    expect(await held()).toEqual([sha256(PDF)]);
  });

  it('refuses bytes that are not the file their address names, and stores nothing', async () => {
    await pushed([attachmentEvent(PNG, 'dp_1003')]);
    const tampered = Buffer.from(PNG);
    tampered.writeUInt8(tampered.readUInt8(1000) ^ 0xff, 1000);
    const r = await put(ana, sha256(PNG), tampered);
    expect([r.status, r.body.code]).toEqual([400, 'hash-mismatch']);
    expect(r.body.error).toMatch(/nothing was stored/);
    expect(await held()).toEqual([sha256(PDF)]);
  });

  it('refuses a file over the size a laptop may attach with 413, before storing anything', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(ATTACHMENT_LIMITS.fileBytes)]);
    await pushed([attachmentEvent(big, 'dp_1004')]);
    const r = await put(ana, sha256(big), big);
    expect([r.status, r.body.code]).toEqual([413, 'too-large']);
    expect(r.body.error).toContain('5 MB');
    expect(await held()).not.toContain(sha256(big));
  });

  it('refuses what a laptop would refuse to attach, told by content: a Windows program named .pdf', async () => {
    const program = fixture('tool.pdf');
    await pushed([attachmentEvent(program, 'dp_1005')]);
    const r = await put(ana, sha256(program), program);
    expect([r.status, r.body.code]).toEqual([400, 'type-refused']);
    expect(r.body.error).toContain('it is a Windows program');
    expect(await held()).not.toContain(sha256(program));
  });

  it('refuses bytes no attachment event names: the server is no file store', async () => {
    const eml = fixture('customer-reply.eml');
    const r = await put(ana, sha256(eml), eml);
    expect([r.status, r.body.code]).toEqual([409, 'not-named']);
    expect(await held()).not.toContain(sha256(eml));
  });

  it('lets compliance fetch but not send a file, and answers 401 to no session and 404 to a file it lacks', async () => {
    await pushed([attachmentEvent(PNG, 'dp_1006')]);
    const byCompliance = await put(carla, sha256(PNG), PNG);
    expect([byCompliance.status, byCompliance.body.code]).toEqual([403, 'forbidden']);
    const anonymous = await put(null, sha256(PNG), PNG);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'no-session']);
    expect((await get(null, sha256(PDF))).status).toBe(401);
    const missing = await get(carla, sha256(PNG));
    expect([missing.status, missing.body.code]).toEqual([404, 'no-such-file']);
    expect((await get(carla, 'NOT-A-HASH')).status).toBe(400);
    expect(await held()).toEqual([sha256(PDF)]);
  });

  it('says without the bytes whether it holds a file (HEAD), so a laptop sends only what it lacks', async () => {
    const ask = (token: string | null, sha: string) =>
      h.app.inject({
        method: 'HEAD',
        url: attachmentFilePath(sha),
        headers: { 'x-workbench-schema': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    expect((await ask(carla, sha256(PDF))).statusCode).toBe(204);
    expect((await ask(carla, sha256(PNG))).statusCode).toBe(404);
    expect((await ask(null, sha256(PDF))).statusCode).toBe(401);
  });

  it('takes only application/octet-stream on the file route', async () => {
    const r = await put(ana, sha256(PNG), PNG, 'application/json');
    expect(r.status).toBe(400);
    expect(await held()).toEqual([sha256(PDF)]);
  });

  it('deletes the bytes when an erasure names every event that attached them, and never takes them again', async () => {
    const eml = fixture('customer-reply.eml');
    const [attached] = await pushed([attachmentEvent(eml, 'dp_2001')]);
    expect((await put(ana, sha256(eml), eml)).status).toBe(204);
    // The same file attached on a second case stays while that case's event is not erased.
    const [alsoAttached] = await pushed([attachmentEvent(eml, 'dp_2002', 'attached', 9)]);
    await pushed([erasureEvent([attached!.id])]);
    expect(await held()).toContain(sha256(eml));
    await pushed([erasureEvent([alsoAttached!.id])]);
    expect(await held()).not.toContain(sha256(eml));
    expect((await get(carla, sha256(eml))).status).toBe(404);
    // A laptop that has not pulled the erasure yet sends the file again: refused, not stored.
    const again = await put(ana, sha256(eml), eml);
    expect([again.status, again.body.code]).toEqual([410, 'erased']);
    expect(await held()).not.toContain(sha256(eml));
  });
});

describe('the laptop transport on attachment files', () => {
  let h: Harness;
  let transport: TeamTransport;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana Weber', 'analyst');
    transport = httpTransport('http://team.test', injectFetch(h, 'http://team.test'));
  });
  afterAll(() => h.close());

  it('asks, sends and fetches a file byte for byte, and reads a refusal with its code', async () => {
    const ana = await h.signIn('Ana Weber');
    const laptop = new Laptop('Ana Weber');
    expect((await h.push(ana, await laptop.chain([attachmentEvent(PDF)]))).status).toBe(200);
    expect(await transport.attachmentHeld(ana, sha256(PDF))).toBe(false);
    await transport.uploadAttachment(ana, sha256(PDF), new Uint8Array(PDF));
    expect(await transport.attachmentHeld(ana, sha256(PDF))).toBe(true);
    expect(Buffer.from(await transport.attachmentBytes(ana, sha256(PDF))).equals(PDF)).toBe(true);
    const refused = (await transport.uploadAttachment(ana, sha256(PNG), new Uint8Array(PNG)).catch((e: unknown) => e)) as TeamRefusal;
    expect(refused).toBeInstanceOf(TeamRefusal);
    expect([refused.status, refused.answer.code]).toEqual([409, 'not-named']);
  });
});

describe('migration 007 on a server that already holds attachment events', () => {
  it('finds the files the events pushed before it name, attached or removed', async () => {
    const { pool } = await freshDatabase();
    try {
      // A database as it was at 006: undo 007, then push as the server then did.
      await pool.query('DROP TABLE attachment_files, attachment_events');
      await pool.query('DELETE FROM schema_migrations WHERE version = 7');
      await pool.query("INSERT INTO accounts (name, role, password_hash, created_at) VALUES ('Ana', 'analyst', 'x', 0)");
      const laptop = new Laptop('Ana');
      const [attached, removed, note] = await laptop.chain([
        attachmentEvent(PDF),
        attachmentEvent(PDF, 'dp_1001', 'removed'),
        { id: randomUUID(), kind: 'note', analyst: 'Ana', at: START, payload: { orderKey: 'shopify:#1', logSeq: 1, noteHash: null } },
      ]);
      for (const e of [attached!, removed!, note!])
        await pool.query(
          `INSERT INTO events (id, device_id, seq, prev_hash, hash, kind, payload, analyst, at, schema_version, account_id, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'Ana', 0, 1, 1, 0)`,
          [e.id, e.deviceId, e.seq, e.prevHash, e.hash, e.kind, payloadText(e)],
        );
      expect(await migrate(pool, readMigrations())).toEqual(['007_attachment_files.sql']);
      const rows = (await pool.query('SELECT event_id::text, sha256, attached FROM attachment_events ORDER BY attached DESC')).rows;
      expect(rows).toEqual([
        { event_id: attached!.id, sha256: sha256(PDF), attached: true },
        { event_id: removed!.id, sha256: sha256(PDF), attached: false },
      ]);
    } finally {
      await pool.end();
    }
  });
});
