// The laptop's HTTP end of the team protocol: a call that never answers, or whose answer stops half
// way, makes the server unreachable after the call's time instead of holding every later sync round.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_TIMEOUT_MS, httpTransport, TeamRefusal, TeamUnreachable } from '../../../renderer/src/core/team/teamTransport';
import { SCHEMA_HEADER, TEAM_SCHEMA_VERSION, type ImportDeclaration, type TeamOp } from '../../../shared/team';

const ORIGIN = 'http://127.0.0.1:8787';

/** A fetch that never answers, but gives up when its signal says so (as the platform's does). */
function silentFetch(seen: RequestInit[]) {
  return (_url: string, init: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      seen.push(init);
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('httpTransport', () => {
  it('counts a call that never answers as unreachable once its time is up, and not before', async () => {
    vi.useFakeTimers();
    const seen: RequestInit[] = [];
    const transport = httpTransport(ORIGIN, silentFetch(seen));
    let outcome: unknown = 'pending';
    const pulled = transport.pull('token', 0, 10).then(
      () => 'answered',
      (e: unknown) => e,
    );
    void pulled.then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS - 1);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await pulled).toBeInstanceOf(TeamUnreachable);
    expect(seen[0]?.signal?.aborted).toBe(true);
  });

  it('counts an answer whose body stops half way as unreachable, not as a refusal', async () => {
    vi.useFakeTimers();
    let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = controller;
        controller.enqueue(new TextEncoder().encode('{"events":['));
      },
    });
    // The platform's fetch ends a body still arriving with an error when the call's signal aborts.
    const transport = httpTransport(ORIGIN, (_url, init) => {
      init.signal?.addEventListener('abort', () => stream?.error(new DOMException('aborted', 'AbortError')));
      return Promise.resolve(new Response(body, { status: 200 }));
    });
    const pulled = transport.pull('token', 0, 10).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
    expect(await pulled).toBeInstanceOf(TeamUnreachable);
  });

  it('still reads a refusal with its reason, and clears its timer', async () => {
    vi.useFakeTimers();
    const transport = httpTransport(ORIGIN, () =>
      Promise.resolve(new Response(JSON.stringify({ error: 'Your session has ended', code: 'session-ended' }), { status: 401 })),
    );
    const pulled = await transport.pull('token', 0, 10).catch((e: unknown) => e);
    expect(pulled).toBeInstanceOf(TeamRefusal);
    expect((pulled as TeamRefusal).status).toBe(401);
    expect((pulled as TeamRefusal).message).toBe('Your session has ended');
    expect(vi.getTimerCount()).toBe(0);
  });
});

const OP_ID = '7d0c7a52-1b2c-4d3e-8f90-0a1b2c3d4e5f';
const DEVICE = '0f1e2d3c-4b5a-4968-8776-655443322110';
const hash = (c: string) => c.repeat(64);
const declaration: ImportDeclaration = {
  opId: OP_ID,
  deviceId: DEVICE,
  fileName: 'orders.csv',
  fileHash: 'f'.repeat(64),
  format: 'shopify-orders',
  formatLabel: 'Shopify orders',
  orderSource: 'shopify',
  shop: null,
  records: 7,
  chunkHashes: [hash('a'), hash('b')],
  digest: hash('c'),
};
const op: TeamOp = {
  seq: 5,
  opId: OP_ID,
  kind: 'import',
  undoes: null,
  fileName: 'orders.csv',
  fileHash: 'f'.repeat(64),
  format: 'shopify-orders',
  formatLabel: 'Shopify orders',
  orderSource: 'shopify',
  shop: null,
  records: 7,
  chunkHashes: [hash('a'), hash('b')],
  digest: hash('c'),
  by: 'Lea',
  deviceId: DEVICE,
  at: Date.UTC(2026, 11, 31, 23, 59),
  liveDigest: { orders: 7, cells: 'AAAA' },
};

/** A fetch that records each request and answers with the next of `answers`. */
function recordingFetch(...answers: (() => Response)[]) {
  const seen: { url: string; init: RequestInit; headers: Record<string, string> }[] = [];
  const fetchFn = (url: string, init: RequestInit) => {
    seen.push({ url, init, headers: init.headers as Record<string, string> });
    return Promise.resolve(answers.shift()!());
  };
  return { seen, fetchFn };
}
const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('httpTransport, team imports', () => {
  it('declares an import as JSON and reads either answer', async () => {
    const { seen, fetchFn } = recordingFetch(json({ opId: OP_ID, received: [0] }), json({ duplicateOf: op }));
    const transport = httpTransport(ORIGIN, fetchFn);
    expect(await transport.declareImport('tok', declaration)).toEqual({ opId: OP_ID, received: [0] });
    expect(await transport.declareImport('tok', declaration)).toEqual({ duplicateOf: op });
    expect(seen[0]).toMatchObject({ url: `${ORIGIN}/v1/imports`, init: { method: 'POST', credentials: 'omit' } });
    expect(seen[0]!.headers).toEqual({ [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual(declaration);
  });

  it('sends a chunk as its bytes, application/octet-stream, and reads a refusal with its code', async () => {
    const { seen, fetchFn } = recordingFetch(
      () => new Response(null, { status: 204 }),
      json({ error: 'chunk 1 does not match its declared SHA-256', code: 'chunk-hash-mismatch' }, 400),
    );
    const transport = httpTransport(ORIGIN, fetchFn);
    const gzip = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    expect(await transport.uploadChunk('tok', OP_ID, 1, gzip)).toBeUndefined();
    expect(seen[0]).toMatchObject({ url: `${ORIGIN}/v1/imports/${OP_ID}/chunks/1`, init: { method: 'PUT' } });
    expect(seen[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(seen[0]!.headers.authorization).toBe('Bearer tok');
    expect([...(seen[0]!.init.body as Uint8Array)]).toEqual([...gzip]);
    const refused = await transport.uploadChunk('tok', OP_ID, 1, gzip).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TeamRefusal);
    expect((refused as TeamRefusal).answer).toMatchObject({ code: 'chunk-hash-mismatch' });
  });

  it('completes, undoes and reads the upload state, passing on where the team is when behind', async () => {
    const behind = { error: 'the team has operations after 3 (up to 4)', code: 'behind', latest: 4 };
    const undoOp = { ...op, seq: 6, opId: 'aaaaaaaa-1b2c-4d3e-8f90-0a1b2c3d4e5f', kind: 'undo', undoes: OP_ID };
    const { seen, fetchFn } = recordingFetch(json(behind, 409), json({ op }), json({ op: undoOp }), json({ opId: OP_ID, received: [0, 1], seq: 5 }));
    const transport = httpTransport(ORIGIN, fetchFn);
    const body = { basedOn: 3, liveDigest: { orders: 7, cells: 'AAAA' } };
    const refused = (await transport.completeImport('tok', OP_ID, body).catch((e: unknown) => e)) as TeamRefusal;
    expect([refused.status, refused.answer.code, refused.answer.latest]).toEqual([409, 'behind', 4]);
    expect(await transport.completeImport('tok', OP_ID, { ...body, basedOn: 4 })).toEqual({ op });
    const undo = { ...body, basedOn: 5, undoOpId: undoOp.opId, deviceId: DEVICE };
    expect(await transport.undoImport('tok', OP_ID, undo)).toEqual({ op: undoOp });
    expect(await transport.uploadState('tok', OP_ID)).toEqual({ opId: OP_ID, received: [0, 1], seq: 5 });
    expect(seen.map((s) => `${s.init.method} ${s.url.slice(ORIGIN.length)}`)).toEqual([
      `POST /v1/imports/${OP_ID}/complete`,
      `POST /v1/imports/${OP_ID}/complete`,
      `POST /v1/imports/${OP_ID}/undo`,
      `GET /v1/imports/${OP_ID}`,
    ]);
    expect(JSON.parse(seen[2]!.init.body as string)).toEqual(undo);
  });

  it('reads the team operations, refusing an answer that does not fit the protocol', async () => {
    const { seen, fetchFn } = recordingFetch(json({ ops: [op], latest: 5, more: false }), json({ ops: [{ ...op, seq: 0 }], latest: 5, more: false }));
    const transport = httpTransport(ORIGIN, fetchFn);
    expect(await transport.teamOps('tok', 4, 200)).toEqual({ ops: [op], latest: 5, more: false });
    expect(seen[0]!.url).toBe(`${ORIGIN}/v1/imports?after=4&limit=200`);
    const bad = (await transport.teamOps('tok', 4, 200).catch((e: unknown) => e)) as TeamRefusal;
    expect([bad.status, bad.answer.code]).toEqual([502, 'bad-answer']);
  });

  it('downloads a chunk as bytes, and reads a refusal as one', async () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 8, 0, 9, 9, 9]);
    const { seen, fetchFn } = recordingFetch(
      () => new Response(bytes, { status: 200, headers: { 'content-type': 'application/octet-stream' } }),
      json({ error: 'chunk 3 is not in the team order', code: 'no-such-chunk' }, 404),
    );
    const transport = httpTransport(ORIGIN, fetchFn);
    expect([...(await transport.opChunk('tok', OP_ID, 0))]).toEqual([...bytes]);
    expect(seen[0]).toMatchObject({ url: `${ORIGIN}/v1/imports/${OP_ID}/chunks/0`, init: { method: 'GET', body: undefined } });
    const missing = (await transport.opChunk('tok', OP_ID, 3).catch((e: unknown) => e)) as TeamRefusal;
    expect([missing.status, missing.answer.code]).toEqual([404, 'no-such-chunk']);
  });

  it('counts a chunk download that never ends as unreachable once the call’s time is up', async () => {
    vi.useFakeTimers();
    const transport = httpTransport(ORIGIN, silentFetch([]));
    const fetched = transport.opChunk('tok', OP_ID, 0).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
    expect(await fetched).toBeInstanceOf(TeamUnreachable);
  });
});

describe('httpTransport, attachment files', () => {
  const SHA = 'ab'.repeat(32);
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');

  it('sends a file as its raw bytes under its SHA-256, application/octet-stream, and reads a refusal with its code', async () => {
    const { seen, fetchFn } = recordingFetch(
      () => new Response(null, { status: 204 }),
      json({ error: 'the file is not the file its SHA-256 names', code: 'hash-mismatch' }, 400),
    );
    const transport = httpTransport(ORIGIN, fetchFn);
    expect(await transport.uploadAttachment('tok', SHA, pdf)).toBeUndefined();
    expect(seen[0]).toMatchObject({ url: `${ORIGIN}/v1/attachments/${SHA}`, init: { method: 'PUT', credentials: 'omit' } });
    expect(seen[0]!.headers).toEqual({ [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), authorization: 'Bearer tok', 'content-type': 'application/octet-stream' });
    expect([...(seen[0]!.init.body as Uint8Array)]).toEqual([...pdf]);
    const refused = (await transport.uploadAttachment('tok', SHA, pdf).catch((e: unknown) => e)) as TeamRefusal;
    expect([refused.status, refused.answer.code]).toEqual([400, 'hash-mismatch']);
  });

  it('asks whether the server holds a file with HEAD: 204 yes, 404 no, anything else a refusal', async () => {
    const { seen, fetchFn } = recordingFetch(
      () => new Response(null, { status: 204 }),
      () => new Response(null, { status: 404 }),
      () => new Response(null, { status: 401 }),
    );
    const transport = httpTransport(ORIGIN, fetchFn);
    expect(await transport.attachmentHeld('tok', SHA)).toBe(true);
    expect(await transport.attachmentHeld('tok', SHA)).toBe(false);
    const ended = (await transport.attachmentHeld('tok', SHA).catch((e: unknown) => e)) as TeamRefusal;
    expect(ended).toBeInstanceOf(TeamRefusal);
    expect(ended.status).toBe(401);
    expect(seen.map((s) => `${s.init.method} ${s.url.slice(ORIGIN.length)}`)).toEqual(Array(3).fill(`HEAD /v1/attachments/${SHA}`));
    expect(seen[0]!.init.body).toBeUndefined();
  });

  it('fetches a file as bytes, and reads a file the server lacks as a refusal', async () => {
    const { seen, fetchFn } = recordingFetch(
      () => new Response(pdf, { status: 200, headers: { 'content-type': 'application/octet-stream' } }),
      json({ error: 'the team server holds no file abababababab…', code: 'no-such-file' }, 404),
    );
    const transport = httpTransport(ORIGIN, fetchFn);
    expect([...(await transport.attachmentBytes('tok', SHA))]).toEqual([...pdf]);
    expect(seen[0]).toMatchObject({ url: `${ORIGIN}/v1/attachments/${SHA}`, init: { method: 'GET', body: undefined } });
    const missing = (await transport.attachmentBytes('tok', SHA).catch((e: unknown) => e)) as TeamRefusal;
    expect([missing.status, missing.answer.code]).toEqual([404, 'no-such-file']);
  });
});
