// Team imports on the server, the upload's side: a lead's laptop declares an import and sends its
// gzip chunks, each checked against its SHA-256 and the size limits; teammates read the operation
// and get the chunks byte for byte. Uploads resume after a lost answer or a server restart.
import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswerSchema, declareAnswerSchema, opDigestText, opsAnswerSchema, uploadStateSchema } from '../../shared/team';
import { complete, declare, latest, putChunk, sampleImport, upload } from './teamImports';
import { startHarness, TEST_CONFIG, type Harness } from './teamServerHarness';

const chunkCount = async (h: Harness, opId: string): Promise<number> =>
  (await h.pool.query('SELECT count(*)::int AS n FROM import_op_chunks WHERE op_id = $1', [opId])).rows[0].n;

describe('team import uploads', () => {
  let h: Harness;
  let lea: string, lou: string, ana: string, carla: string;
  beforeAll(async () => {
    h = await startHarness();
    for (const [name, role] of [
      ['Lea', 'lead'],
      ['Lou', 'lead'],
      ['Ana', 'analyst'],
      ['Carla', 'compliance'],
    ] as const)
      await h.addUser(name, role);
    [lea, lou, ana, carla] = [await h.signIn('Lea'), await h.signIn('Lou'), await h.signIn('Ana'), await h.signIn('Carla')];
  });
  afterAll(() => h.close());

  it('order an uploaded import; a teammate reads it and gets its chunks byte for byte', async () => {
    const imp = sampleImport({ chunks: 3, shop: 'EU shop' });
    const declared = await declare(h, lea, imp);
    expect(declared).toEqual({ status: 201, body: { opId: imp.declaration.opId, received: [] } });
    declareAnswerSchema.parse(declared.body);
    for (const n of [2, 0, 1]) expect((await putChunk(h, lea, imp, n)).status).toBe(204); // any order
    h.clock.advance(5_000);
    const done = await complete(h, lea, imp.declaration.opId, 0);
    expect(done.status).toBe(200);
    const { fileHash, format, formatLabel, orderSource, shop, records, chunkHashes, digest, fileName, deviceId, opId } = imp.declaration;
    expect(completeAnswerSchema.parse(done.body)).toEqual({
      op: {
        seq: 1,
        opId,
        kind: 'import',
        undoes: null,
        fileName,
        fileHash,
        format,
        formatLabel,
        orderSource,
        shop,
        records,
        chunkHashes,
        digest,
        by: 'Lea',
        deviceId,
        at: h.clock.now(),
        liveDigest: done.body.op.liveDigest,
      },
    });
    // Completing again (a lost answer) answers the same operation.
    expect(await complete(h, lea, opId, 0)).toEqual(done);
    expect(uploadStateSchema.parse((await h.call('GET', `/v1/imports/${opId}`, ana)).body)).toEqual({ opId, received: [0, 1, 2], seq: 1 });

    // Compliance reads the team's operations and their chunks.
    const pulled = await h.call('GET', '/v1/imports?after=0', carla);
    expect(opsAnswerSchema.parse(pulled.body)).toEqual({ ops: [done.body.op], latest: 1, more: false });
    for (const n of [0, 1, 2]) {
      const got = await h.binary('GET', `/v1/imports/${opId}/chunks/${n}`, carla);
      expect(got.status).toBe(200);
      expect(got.contentType).toBe('application/octet-stream');
      expect(got.bytes.equals(imp.chunks[n]!)).toBe(true);
    }
    expect((await h.binary('GET', `/v1/imports/${opId}/chunks/3`, carla)).status).toBe(404);
    expect((await h.call('GET', '/v1/imports?after=1', carla)).body).toEqual({ ops: [], latest: 1, more: false });
  });

  it('resume a declared upload: the same declaration again answers the chunks already held', async () => {
    const imp = sampleImport({ chunks: 3 });
    const opId = imp.declaration.opId;
    expect((await declare(h, lea, imp)).status).toBe(201);
    expect((await putChunk(h, lea, imp, 0)).status).toBe(204);
    expect(await declare(h, lea, imp)).toEqual({ status: 200, body: { opId, received: [0] } });
    expect((await h.call('GET', `/v1/imports/${opId}`, lea)).body).toEqual({ opId, received: [0], seq: null });
    expect((await putChunk(h, lea, imp, 0)).status).toBe(204); // sent again: a no-op
    expect(await chunkCount(h, opId)).toBe(1);
    // Not yet complete: the server names what it lacks, and teammates cannot read it.
    expect(await complete(h, lea, opId, await latest(h, lea))).toMatchObject({ status: 409, body: { code: 'chunks-missing', missing: [1, 2] } });
    expect((await h.binary('GET', `/v1/imports/${opId}/chunks/0`, ana)).status).toBe(404);

    const changed = await h.call('POST', '/v1/imports', lea, { ...imp.declaration, records: 99 });
    expect(changed).toMatchObject({ status: 409, body: { code: 'op-id-reused' } });
    expect(await declare(h, lou, imp)).toMatchObject({ status: 403, body: { code: 'not-yours' } });
    expect(await putChunk(h, lou, imp, 1)).toMatchObject({ status: 403, body: { code: 'not-yours' } });
    expect((await h.call('GET', `/v1/imports/${randomUUID()}`, lea)).status).toBe(404);
  });

  it('resume after the server restarted mid-upload', async () => {
    const imp = sampleImport({ chunks: 3 });
    await declare(h, lea, imp);
    await putChunk(h, lea, imp, 0);
    await putChunk(h, lea, imp, 1);
    await h.restart();
    expect((await declare(h, lea, imp)).body).toEqual({ opId: imp.declaration.opId, received: [0, 1] });
    expect((await putChunk(h, lea, imp, 2)).status).toBe(204);
    const at = await latest(h, lea);
    expect((await complete(h, lea, imp.declaration.opId, at)).body.op.seq).toBe(at + 1);
  });

  it('refuse a chunk that is not what was declared, storing nothing', async () => {
    const imp = sampleImport({ chunks: 2 });
    const opId = imp.declaration.opId;
    await declare(h, lea, imp);
    const wrong = await putChunk(h, lea, imp, 0, imp.chunks[1]);
    expect(wrong).toMatchObject({ status: 400, body: { code: 'chunk-hash-mismatch' } });
    expect(await putChunk(h, lea, imp, 0, Buffer.from('plain text, not gzip'))).toMatchObject({ status: 400, body: { code: 'not-gzip' } });
    expect(await putChunk(h, lea, imp, 2, imp.chunks[0])).toMatchObject({ status: 400, body: { code: 'chunk-out-of-range' } });
    expect(await h.binary('PUT', `/v1/imports/${opId}/chunks/0`, lea, Buffer.from('{"a":1}'), 'application/json')).toMatchObject({
      status: 415,
      body: { code: 'media-type' },
    });
    expect(await chunkCount(h, opId)).toBe(0);
    // Compression may differ: the hash is of the decompressed bytes.
    expect((await putChunk(h, lea, imp, 0, gzipSync(imp.raw[0]!, { level: 1 }))).status).toBe(204);
    expect(await chunkCount(h, opId)).toBe(1);
  });

  it('refuse a chunk whose records a laptop would refuse (a card number where the BIN goes), so no such import is ever ordered', async () => {
    const imp = sampleImport({ chunks: 1 });
    const lines = imp.raw[0]!.toString('utf8').split('\n');
    const record = JSON.parse(lines[1]!) as { value: { cardBin: string } };
    record.value.cardBin = '4111111111111111';
    lines[1] = JSON.stringify(record);
    const raw = Buffer.from(lines.join('\n'));
    const hash = createHash('sha256').update(raw).digest('hex');
    const poisoned = {
      declaration: {
        ...imp.declaration,
        chunkHashes: [hash],
        digest: createHash('sha256')
          .update(opDigestText([hash]))
          .digest('hex'),
      },
      chunks: [gzipSync(raw)],
      raw: [raw],
    };
    expect((await declare(h, lea, poisoned)).status).toBe(201);
    const r = await putChunk(h, lea, poisoned, 0);
    expect(r).toMatchObject({ status: 400, body: { code: 'malformed-records' } });
    expect(r.body.error).toMatch(/chunk 1, line 2: .*cardBin/);
    expect(await chunkCount(h, poisoned.declaration.opId)).toBe(0);
    expect((await complete(h, lea, poisoned.declaration.opId, 0)).body.code).toBe('chunks-missing');
  });

  it('refuse a declaration whose digest is not its chunk hashes’, or that is malformed', async () => {
    const imp = sampleImport();
    expect(await h.call('POST', '/v1/imports', lea, { ...imp.declaration, digest: 'f'.repeat(64) })).toMatchObject({
      status: 400,
      body: { code: 'digest-mismatch' },
    });
    expect(await h.call('POST', '/v1/imports', lea, { ...imp.declaration, chunkHashes: [] })).toMatchObject({ status: 400, body: { code: 'malformed' } });
    // PostgreSQL text and jsonb hold no U+0000 (docs/15 datatype-character, datatype-json): malformed, not a server failure.
    for (const field of ['fileName', 'fileHash', 'format', 'formatLabel', 'orderSource', 'shop'] as const)
      expect(await h.call('POST', '/v1/imports', lea, { ...imp.declaration, [field]: 'x\u0000y' })).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect((await h.call('GET', `/v1/imports/${imp.declaration.opId}`, lea)).status).toBe(404);
    await upload(h, lea, imp);
    const nul = { basedOn: await latest(h, lea), liveDigest: { orders: 1, cells: 'AAAA\u0000' } };
    expect(await h.call('POST', `/v1/imports/${imp.declaration.opId}/complete`, lea, nul)).toMatchObject({ status: 400, body: { code: 'malformed' } });
  });

  it('need a session on every import route', async () => {
    const imp = sampleImport();
    const opId = imp.declaration.opId;
    for (const [method, path] of [
      ['POST', '/v1/imports'],
      ['GET', '/v1/imports'],
      ['GET', `/v1/imports/${opId}`],
      ['POST', `/v1/imports/${opId}/complete`],
      ['POST', `/v1/imports/${opId}/undo`],
    ] as const)
      expect((await h.call(method, path, null, method === 'POST' ? {} : undefined)).status).toBe(401);
    expect((await putChunk(h, '', imp, 0)).status).toBe(401);
    expect((await h.binary('GET', `/v1/imports/${opId}/chunks/0`, null)).status).toBe(401);
  });

  it('answer the browser’s preflight for a binary chunk upload', async () => {
    const r = await h.app.inject({
      method: 'OPTIONS',
      url: `/v1/imports/${randomUUID()}/chunks/0`,
      headers: {
        origin: 'app://workbench',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type, x-workbench-schema',
      },
    });
    expect(r.statusCode).toBe(204);
    expect(r.headers['access-control-allow-methods']).toContain('PUT');
    expect(String(r.headers['access-control-allow-headers']).split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-workbench-schema']),
    );
  });
});

describe('team import chunk limits', () => {
  let h: Harness;
  let lea: string;
  beforeAll(async () => {
    h = await startHarness({ config: { ...TEST_CONFIG, importLimits: { maxChunkBytes: 4096, maxChunkRawBytes: 64 * 1024 } } });
    await h.addUser('Lea', 'lead');
    lea = await h.signIn('Lea');
  });
  afterAll(() => h.close());

  it('refuse a chunk over the size as sent (413) and one that inflates past the raw limit, storing neither', async () => {
    const big = sampleImport({ chunks: 1, perChunk: 200 });
    const noise = Buffer.from(Array.from({ length: 3 * 4096 }, (_, i) => (i * 7919) % 251));
    const tooBig = await putChunk(h, lea, big, 0, noise);
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'too-large' } });
    expect(tooBig.body.error).toMatch(/a chunk may be at most 4096 bytes as sent/);

    // 1 MiB of one character compresses to about 1 KiB: under the size as sent, far over the raw limit.
    const bomb = sampleImport({ chunks: 1 });
    await declare(h, lea, bomb);
    const inflating = gzipSync(Buffer.alloc(1024 * 1024, 'x'));
    expect(inflating.length).toBeLessThan(4096);
    const refused = await putChunk(h, lea, bomb, 0, inflating);
    expect(refused).toMatchObject({ status: 413, body: { code: 'chunk-too-large' } });
    expect(refused.body.error).toMatch(/decompresses to more than 65536 bytes/);
    expect(await chunkCount(h, bomb.declaration.opId)).toBe(0);
    // A JSON body on other routes still has the server's own limit.
    expect((await h.call('POST', '/v1/imports', lea, { ...bomb.declaration, fileName: 'x'.repeat(300 * 1024) })).status).toBe(413);
  });

  it('take a chunk within both limits', async () => {
    const imp = sampleImport({ chunks: 1, perChunk: 20 });
    await upload(h, lea, imp);
    expect((await complete(h, lea, imp.declaration.opId, 0)).body.op.seq).toBe(1);
  });
});

describe('team import logs', () => {
  it('name operation ids and counts, never file names or records', async () => {
    const lines: string[] = [];
    const h = await startHarness({ logger: true, logStream: { write: (line) => void lines.push(line) } });
    try {
      await h.addUser('Lea', 'lead');
      const lea = await h.signIn('Lea');
      const imp = sampleImport({ chunks: 2, shop: 'Müller Shop' });
      await upload(h, lea, imp);
      await complete(h, lea, imp.declaration.opId, 0);
      await putChunk(h, lea, sampleImport(), 0); // refused: never declared
      await h.binary('GET', `/v1/imports/${imp.declaration.opId}/chunks/1`, lea);
      const log = lines.join('');
      expect(log).toContain(imp.declaration.opId);
      expect(log).toMatch(/"records":6/);
      for (const secret of [imp.declaration.fileName, 'Müller', 'buyer0@example.com', imp.declaration.fileHash]) expect(log).not.toContain(secret);
    } finally {
      await h.close();
    }
  });
});
