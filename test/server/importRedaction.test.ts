// An erasure on request at the team server reaches the team's imports: the stored chunks of
// scheme-2 operations lose the erased person's personal data in the erasure's transaction, still
// verify on every laptop against the hash declared, and keep every other record byte for byte.
// Chunks of scheme-1 operations cannot be redacted: they are left, and counted in the log.
import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../shared/ingest/records';
import { decodeChunk, encodeChunk, opDigestText, readChunk, type ChunkScheme, type ImportDeclaration, type TeamEventInput } from '../../shared/team';
import { complete, shopifyRecords } from './teamImports';
import { Laptop, START, startHarness, type Harness } from './teamServerHarness';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Orders #1000… with a name and an e-mail each, and a payment for #1001 spelled without its #. */
function teamRecords(file: string): ParsedRecord[] {
  const orders = shopifyRecords(6, file).map((r, n) =>
    r.kind === 'order' ? { ...r, value: { ...r.value, shipName: `Customer ${n} ${file}`, shipStreet: `${n} Erasure Lane` } } : r,
  );
  const payment: ParsedRecord = {
    kind: 'payment',
    key: `pi_${file}`,
    hash: '0123456789abcdef',
    scope: 'payment/0123456789ab',
    provided: ['id'],
    line: 2,
    lines: null,
    rows: 1,
    value: {
      id: `pi_${file}`,
      provider: 'stripe',
      orderRef: '1001',
      createdAt: START,
      amountMinor: 2099,
      currency: 'EUR',
      status: 'succeeded',
      email: `buyer1.${file.slice(0, 8)}@example.com`,
      ip: '192.0.2.77',
      cardBin: '424242',
      cardLast4: '4242',
      cardExpiry: '04/27',
      cardFingerprint: `fp_${file}`,
      cardBrand: 'visa',
      cardCountry: 'DE',
    },
  };
  return [...orders.slice(0, 3), payment, ...orders.slice(3)];
}

interface Sent {
  declaration: ImportDeclaration;
  chunks: Buffer[];
}

/** An import of `records` in chunks of 4, as a laptop declares it under `scheme`. */
async function teamImport(records: ParsedRecord[], scheme: ChunkScheme): Promise<Sent> {
  const encoded = [];
  for (let i = 0; i < records.length; i += 4) encoded.push(await encodeChunk(records.slice(i, i + 4), { scheme }));
  const chunkHashes = encoded.map((c) => c.hash);
  return {
    declaration: {
      opId: randomUUID(),
      deviceId: randomUUID(),
      fileName: 'orders.csv',
      fileHash: sha256(randomUUID()),
      format: 'shopify-orders',
      formatLabel: 'Shopify orders',
      orderSource: 'shopify',
      shop: null,
      records: records.length,
      chunkHashes,
      digest: sha256(opDigestText(chunkHashes)),
      ...(scheme === 2 ? { chunkScheme: 2 as const } : {}),
    },
    chunks: encoded.map((c) => Buffer.from(c.gzip)),
  };
}

describe('an erasure on request redacts the team’s imports at the server', () => {
  let h: Harness;
  let lea: string, ana: string;
  const logLines: string[] = [];

  beforeEach(async () => {
    logLines.length = 0;
    h = await startHarness({ logger: true, logStream: { write: (line) => void logLines.push(line) } });
    await h.addUser('Lea', 'lead');
    await h.addUser('Ana Weber', 'analyst');
    [lea, ana] = [await h.signIn('Lea'), await h.signIn('Ana Weber')];
  });
  afterEach(() => h.close());

  async function shared(imp: Sent, basedOn: number): Promise<void> {
    expect((await h.call('POST', '/v1/imports', lea, imp.declaration)).status).toBe(201);
    for (const [n, bytes] of imp.chunks.entries())
      expect((await h.binary('PUT', `/v1/imports/${imp.declaration.opId}/chunks/${n}`, lea, bytes)).status).toBe(204);
    expect((await complete(h, lea, imp.declaration.opId, basedOn)).status).toBe(200);
  }

  const pulled = async (imp: Sent, n: number) => (await h.binary('GET', `/v1/imports/${imp.declaration.opId}/chunks/${n}`, ana)).bytes;
  const stored = async (imp: Sent, n: number) =>
    (
      await h.pool.query<{ bytes: Buffer; raw_bytes: number }>('SELECT bytes, raw_bytes FROM import_op_chunks WHERE op_id = $1 AND n = $2', [
        imp.declaration.opId,
        n,
      ])
    ).rows[0]!;
  const erasure = (orderKeys: string[], payments: string[] = []): TeamEventInput => ({
    id: randomUUID(),
    kind: 'erasure',
    analyst: 'Ana Weber',
    at: START + 1000,
    payload: {
      reason: 'erasure',
      logSeq: 7,
      eventIds: [],
      register: { reference: 'TICKET-4711', orderKeys, payments, salt: '0'.repeat(32), linkValueHashes: [] },
    },
  });

  /** What a laptop that pulled `held` reads a redacted chunk with (teamOpSource looks them up in its teamEvents). */
  const holding = (...held: TeamEventInput[]) => ({
    erasures: {
      orderSource: 'shopify',
      lookup: async (ids: readonly string[]) =>
        new Map(held.filter((e) => ids.includes(e.id)).map((e) => [e.id, e.payload.register as { orderKeys: string[]; payments: string[] }])),
    },
  });

  it('takes the erased order and its payment out of the stored chunk; the laptop still verifies it; the others stay byte for byte', async () => {
    const file = randomUUID();
    const imp = await teamImport(teamRecords(file), 2);
    await shared(imp, 0);
    const before = await Promise.all(imp.chunks.map((_, n) => pulled(imp, n)));
    const who = { email: `buyer1.${file.slice(0, 8)}@example.com`, name: `Customer 1 ${file}`, street: '1 Erasure Lane', fingerprint: `fp_${file}` };
    const lines0 = gunzipSync(before[0]!).toString('utf8');
    for (const v of Object.values(who)) expect(lines0).toContain(v);

    const laptop = new Laptop('Ana Weber');
    const event = erasure(['shopify:#1001']);
    expect((await h.push(ana, await laptop.chain([event]))).status).toBe(200);

    // Stored: not a trace of the person in the inflated bytes; the laptop's check still passes.
    const after = await Promise.all(imp.chunks.map((_, n) => pulled(imp, n)));
    const inflated = gunzipSync(after[0]!).toString('utf8');
    for (const v of Object.values(who)) expect(inflated).not.toContain(v);
    expect((await stored(imp, 0)).raw_bytes).toBe(Buffer.byteLength(inflated));
    const where = { file: 'orders.csv', chunk: 0 };
    const read = await readChunk(new Uint8Array(after[0]!), { hash: imp.declaration.chunkHashes[0]!, scheme: 2 }, where, holding(event));
    expect(read.redacted).toBe(2);
    const [order, payment] = [read.records[1]!, read.records[3]!];
    expect(order.kind === 'order' && order.value).toMatchObject({ externalId: '#1001', email: '', shipName: '', shipStreet: '', totalMinor: 2099 });
    expect(payment.kind === 'payment' && payment.value).toMatchObject({ id: `pi_${file}`, email: '', ip: '', cardFingerprint: '', amountMinor: 2099 });
    // Each redacted line names the erasure; every other line is the line as sent.
    const was = lines0.split('\n');
    const now = inflated.split('\n');
    expect(now).toHaveLength(was.length);
    now.forEach((line, i) => {
      if (i === 1 || i === 3) expect(JSON.parse(line).redacted).toMatchObject({ erasure: event.id });
      else expect(line).toBe(was[i]);
    });
    // A chunk that held none of the person's records is not touched at all.
    expect(after[1]!.equals(before[1]!)).toBe(true);
    expect(await decodeChunk(new Uint8Array(after[1]!), { hash: imp.declaration.chunkHashes[1]!, scheme: 2 }, { ...where, chunk: 1 })).toHaveLength(3);

    // The log says how many, never who.
    const log = logLines.join('');
    expect(log).toMatch(/"records":2,"chunks":1,"unredactableRecords":0,"unredactableChunks":0/);
    for (const secret of [...Object.values(who), 'shopify:#1001', 'TICKET-4711', `pi_${file}`]) expect(log).not.toContain(secret);
  });

  it('reaches a payment by its id, leaves an operation of scheme 1 as it is and counts it, and redacts nothing twice', async () => {
    const file = randomUUID();
    const old = await teamImport(teamRecords(`${file}-old`), 1);
    const imp = await teamImport(teamRecords(file), 2);
    await shared(old, 0);
    await shared(imp, 1);
    const oldBefore = await pulled(old, 0);

    const laptop = new Laptop('Ana Weber');
    expect((await h.push(ana, await laptop.chain([erasure(['shopify:#1001'], [`pi_${file}-old`, `pi_${file}`])]))).status).toBe(200);
    expect(logLines.join('')).toMatch(/"records":2,"chunks":1,"unredactableRecords":2,"unredactableChunks":1/);
    // Scheme 1: the bytes as sent, the person still in them, verified as before.
    const oldAfter = await pulled(old, 0);
    expect(oldAfter.equals(oldBefore)).toBe(true);
    expect(gunzipSync(oldAfter).toString('utf8')).toContain(`Customer 1 ${file}-old`);
    expect(await decodeChunk(new Uint8Array(oldAfter), { hash: old.declaration.chunkHashes[0]!, scheme: 1 }, { file: 'orders.csv', chunk: 0 })).toHaveLength(4);

    // The same person erased again (a second request): the lines redacted stay as the first erasure left them.
    const once = await pulled(imp, 0);
    logLines.length = 0;
    expect((await h.push(ana, await laptop.chain([erasure([], [`pi_${file}`])]))).status).toBe(200);
    expect((await pulled(imp, 0)).equals(once)).toBe(true);
    expect(logLines.join('')).toMatch(/"records":0,"chunks":0/);
  });

  it('a chunk that arrives after the erasure (from a laptop that had not pulled it) is stored without the person', async () => {
    const laptop = new Laptop('Ana Weber');
    const event = erasure(['shopify:#1001']);
    expect((await h.push(ana, await laptop.chain([event, erasure(['shopify:#9999'])]))).status).toBe(200);
    const file = randomUUID();
    const imp = await teamImport(teamRecords(file), 2);
    await shared(imp, 0);
    const chunk = await pulled(imp, 0);
    const inflated = gunzipSync(chunk).toString('utf8');
    for (const v of [`buyer1.${file.slice(0, 8)}@example.com`, `Customer 1 ${file}`, `fp_${file}`]) expect(inflated).not.toContain(v);
    expect(inflated).toContain(`Customer 0 ${file}`);
    expect((await stored(imp, 0)).raw_bytes).toBe(Buffer.byteLength(inflated));
    const read = await readChunk(new Uint8Array(chunk), { hash: imp.declaration.chunkHashes[0]!, scheme: 2 }, { file: 'orders.csv', chunk: 0 }, holding(event));
    expect(read.redacted).toBe(2);
    expect(inflated.split('\n').filter((l) => l.includes(event.id))).toHaveLength(2);
    expect(logLines.join('')).toMatch(/"redacted":2,"msg":"import chunk stored"/);
    // The other chunk held nothing of the person: stored as sent.
    expect((await pulled(imp, 1)).equals(imp.chunks[1]!)).toBe(true);
  });

  it('an erasure that names no order or payment of the imports changes no chunk', async () => {
    const imp = await teamImport(teamRecords(randomUUID()), 2);
    await shared(imp, 0);
    const before = await stored(imp, 0);
    expect((await h.push(ana, await new Laptop('Ana Weber').chain([erasure(['shopify:#9999'], ['pi_other'])]))).status).toBe(200);
    expect((await stored(imp, 0)).bytes.equals(before.bytes)).toBe(true);
  });
});
