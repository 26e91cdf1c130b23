// A team import's chunks: what is encoded decodes to the same records; a pulled chunk that was
// changed, inflates without end, carries a card number or an unknown field is refused, named.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../../shared/ingest/records';
import { decodeChunk, encodeChunk, opDigest, splitIntoChunks, TeamChunkError } from '../../../shared/team';
import { FIXTURES, fixture, runImport } from '../ingest/support';
import { parsedRecordArb } from './parsedRecordArbitrary';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);
const WHERE = { file: 'orders_2026-11.csv', chunk: 2 };

function order(externalId: string, cardBin = '424242'): Extract<ParsedRecord, { kind: 'order' }> {
  return {
    kind: 'order',
    key: `shopify:${externalId}`,
    hash: '0123456789abcdef',
    scope: 'order/0123456789ab',
    provided: ['source', 'externalId', 'cardBin'],
    line: 2,
    lines: null,
    rows: 1,
    value: {
      externalId,
      source: 'shopify',
      marketplace: 'shop',
      status: 'paid',
      createdAt: Date.UTC(2026, 10, 30, 23, 59),
      totalMinor: 4200,
      currency: 'EUR',
      customerId: 'c1',
      email: 'anna@example.com',
      phone: '',
      shipName: 'Anna',
      shipStreet: 'Hauptstr. 1',
      shipPostcode: '10115',
      shipCity: 'Berlin',
      shipCountry: 'DE',
      billCountry: 'DE',
      ip: '192.0.2.1',
      deviceId: '',
      cardBin,
      cardLast4: '4242',
      cardExpiry: '04/27',
      cardFingerprint: '',
      cardBrand: 'visa',
      paymentMethod: 'card',
    },
  };
}

/** A chunk the server could send: any bytes, gzip'd, with their true hash. */
function serverChunk(text: string) {
  const raw = utf8(text);
  return { gzip: new Uint8Array(gzipSync(raw)), hash: sha256Hex(raw) };
}

describe('team import chunks', () => {
  it('decode(encode(records)) gives the records back, whatever they hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(parsedRecordArb, { maxLength: 12 }), async (records) => {
        const { gzip, hash, rawBytes } = await encodeChunk(records);
        expect(hash).toBe(sha256Hex(utf8(records.map((r) => JSON.stringify(r) + '\n').join(''))));
        expect(rawBytes).toBeGreaterThanOrEqual(records.length);
        expect(await decodeChunk(gzip, hash, WHERE)).toStrictEqual(records);
      }),
      { numRuns: 60 },
    );
  });

  it('carries what the real readers produce, from every fixture format', async () => {
    const names = readdirSync(FIXTURES).filter((n) => n !== 'README.md');
    let withCompanions = 0;
    for (const name of names) {
      const { written } = await runImport(fixture(name), { fileName: name });
      const { gzip, hash } = await encodeChunk(written);
      expect(await decodeChunk(gzip, hash, { file: name, chunk: 0 }), name).toStrictEqual(written);
      withCompanions += written.filter((r) => r.companions?.length).length;
    }
    expect(withCompanions).toBeGreaterThan(0);
  });

  it('an empty chunk is the SHA-256 of no bytes and decodes to no records', async () => {
    const { gzip, hash, rawBytes } = await encodeChunk([]);
    expect(rawBytes).toBe(0);
    expect(hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await decodeChunk(gzip, hash, WHERE)).toEqual([]);
  });

  it('refuses content that does not match its hash, naming the file and chunk', async () => {
    const { hash } = await encodeChunk([order('#1001')]);
    const changed = serverChunk(JSON.stringify(order('#1002')) + '\n');
    await expect(decodeChunk(changed.gzip, hash, WHERE)).rejects.toThrow("orders_2026-11.csv, chunk 3: its content does not match the operation's hash for it");
    // One byte flipped in the compressed bytes: gzip's own check or the hash refuses it.
    const { gzip } = await encodeChunk([order('#1001')]);
    const flipped = gzip.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    await expect(decodeChunk(flipped, hash, WHERE)).rejects.toBeInstanceOf(TeamChunkError);
    await expect(decodeChunk(flipped, hash, WHERE)).rejects.toThrow(/^orders_2026-11\.csv, chunk 3: /);
  });

  it('refuses a gzip bomb once it inflates past the limit', async () => {
    // 100 MB of zeros, compressed a megabyte at a time (about 100 KB of gzip).
    const zeros = new Uint8Array(1024 * 1024);
    const bomb = new Response(
      new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(c) {
          for (let i = 0; i < 100; i++) c.enqueue(zeros);
          c.close();
        },
      }).pipeThrough(new CompressionStream('gzip')),
    );
    const gzip = new Uint8Array(await bomb.arrayBuffer());
    expect(gzip.length).toBeLessThan(200_000);
    const error = await decodeChunk(gzip, '0'.repeat(64), WHERE, { maxChunkRawBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamChunkError);
    expect((error as Error).message).toBe('orders_2026-11.csv, chunk 3: it inflates past 1048576 bytes, more than a chunk may hold');
  });

  it('refuses a compressed chunk bigger than the server takes, and bytes that are not gzip', async () => {
    const { gzip, hash } = await encodeChunk([order('#1001')]);
    await expect(decodeChunk(gzip, hash, WHERE, { maxChunkBytes: 10 })).rejects.toThrow(/compressed, past the 10 a chunk may have/);
    await expect(decodeChunk(utf8('not gzip at all'), hash, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3: not a gzip stream (damaged or cut short)');
    await expect(decodeChunk(gzip.slice(0, gzip.length - 6), hash, WHERE)).rejects.toThrow(/not a gzip stream/);
  });

  it('refuses a card number in the BIN, naming the line', async () => {
    const { gzip, hash } = serverChunk(`${JSON.stringify(order('#1001'))}\n${JSON.stringify(order('#1002', '4242424242424242'))}\n`);
    await expect(decodeChunk(gzip, hash, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 2: cardBin: a BIN of at most 8 digits');
    const error = await decodeChunk(gzip, hash, WHERE).catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'orders_2026-11.csv', chunk: 2, line: 2 });
  });

  it('refuses a full card number in any text of a record, a companion included, naming the line and field', async () => {
    const street = order('#1002');
    const a = serverChunk(
      `${JSON.stringify(order('#1001'))}\n${JSON.stringify({ ...street, value: { ...street.value, shipStreet: 'Hauptstr. 1, card 4242 4242 4242 4242' } })}\n`,
    );
    await expect(decodeChunk(a.gzip, a.hash, WHERE)).rejects.toThrow(
      'orders_2026-11.csv, chunk 3, line 2: shipStreet: a full card number, which no import keeps',
    );
    const inner = order('#1004');
    const companion = { ...order('#1003'), companions: [{ ...inner, value: { ...inner.value, cardFingerprint: '4000056655665556' } }] };
    const b = serverChunk(JSON.stringify(companion) + '\n');
    await expect(decodeChunk(b.gzip, b.hash, WHERE)).rejects.toThrow('line 1: companions[0].cardFingerprint: a full card number, which no import keeps');
    // A phone number written without its + is no card, as the import's card screen reads it.
    const phone = order('#1005');
    const c = serverChunk(JSON.stringify({ ...phone, value: { ...phone.value, phone: '4915112345678' } }) + '\n');
    expect(await decodeChunk(c.gzip, c.hash, WHERE)).toHaveLength(1);
    // Reduced to BIN and last 4, as the import leaves it, it travels.
    const masked = order('#1006');
    const d = serverChunk(JSON.stringify({ ...masked, value: { ...masked.value, shipStreet: 'card 42424242******4242' } }) + '\n');
    expect(await decodeChunk(d.gzip, d.hash, WHERE)).toHaveLength(1);
    await expect(encodeChunk([street, { ...street, value: { ...street.value, shipName: '4242424242424242' } }])).rejects.toThrow(
      'record 2 of the chunk (line 2 of the file): shipName: a full card number, which no import keeps',
    );
  });

  it('refuses unknown fields, in the record or in its value', async () => {
    const top = serverChunk(JSON.stringify({ ...order('#1001'), note: 'x' }) + '\n');
    await expect(decodeChunk(top.gzip, top.hash, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 1: unknown field "note"');
    const inner = order('#1001');
    const nested = serverChunk(JSON.stringify({ ...inner, value: { ...inner.value, cardNumber: '4242424242424242' } }) + '\n');
    await expect(decodeChunk(nested.gzip, nested.hash, WHERE)).rejects.toThrow('line 1: unknown field "cardNumber"');
  });

  it('refuses a companion of a companion, a field the kind does not have, lines that are not records', async () => {
    const deep = { ...order('#1001'), companions: [{ ...order('#1002'), companions: [order('#1003')] }] };
    const a = serverChunk(JSON.stringify(deep) + '\n');
    await expect(decodeChunk(a.gzip, a.hash, WHERE)).rejects.toThrow('line 1: companions[0]: unknown field "companions"');
    const b = serverChunk(JSON.stringify({ ...order('#1001'), provided: ['reasonCode'] }) + '\n');
    await expect(decodeChunk(b.gzip, b.hash, WHERE)).rejects.toThrow(/line 1: provided\[0\]: /);
    const c = serverChunk(JSON.stringify(order('#1001')) + '\n{"kind":\n');
    await expect(decodeChunk(c.gzip, c.hash, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 2: not JSON');
    const d = serverChunk(JSON.stringify(order('#1001')));
    await expect(decodeChunk(d.gzip, d.hash, WHERE)).rejects.toThrow('line 1: the last line is not ended');
    const e = serverChunk(JSON.stringify(order('#1001')) + '\n' + JSON.stringify(order('#1002')) + '\n');
    await expect(decodeChunk(e.gzip, e.hash, WHERE, { maxRecords: 1 })).rejects.toThrow('2 records, more than the 1 a chunk may hold');
  });

  it('splits records into batches in order, one empty chunk for none', () => {
    const records = Array.from({ length: 12 }, (_, i) => order(`#${1000 + i}`));
    const chunks = splitIntoChunks(records, 5);
    expect(chunks.map((c) => c.length)).toEqual([5, 5, 2]);
    expect(chunks.flat()).toEqual(records);
    expect(splitIntoChunks([])).toEqual([[]]);
    expect(() => splitIntoChunks(records, 0)).toThrow(RangeError);
  });

  it("the operation's digest is the SHA-256 of its chunk hashes, one per line", async () => {
    const hashes = ['a'.repeat(64), 'b'.repeat(64)];
    expect(await opDigest(hashes)).toBe(createHash('sha256').update(`${hashes[0]}\n${hashes[1]}`).digest('hex'));
  });

  it('refuses to encode a chunk a teammate would refuse', async () => {
    await expect(encodeChunk([order('#1001')], { maxChunkRawBytes: 100 })).rejects.toThrow(/past the 100 a teammate accepts/);
    const long = { ...order('#1002'), line: 2043 };
    await expect(encodeChunk([order('#1001'), { ...long, value: { ...long.value, email: 'x'.repeat(501) } }])).rejects.toThrow(
      /^record 2 of the chunk \(line 2043 of the file\): email: /,
    );
    await expect(encodeChunk([order('#1001', '4242424242424242')])).rejects.toThrow(
      'record 1 of the chunk (line 2 of the file): cardBin: a BIN of at most 8 digits',
    );
  });
});
