// A team import's chunks: what is encoded decodes to the same records; a pulled chunk that was
// changed, inflates without end, carries a card number or an unknown field is refused, named.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../../shared/ingest/records';
import { decodeChunk, encodeChunk, opDigest, readChunk, redactedLine, splitIntoChunks, splitLine, TeamChunkError } from '../../../shared/team';
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
  return { gzip: new Uint8Array(gzipSync(raw)), hash: sha256Hex(raw), scheme: 1 as const };
}

describe('team import chunks', () => {
  it('decode(encode(records)) gives the records back, whatever they hold, under either scheme', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(parsedRecordArb, { maxLength: 12 }), async (records) => {
        const old = await encodeChunk(records, { scheme: 1 });
        expect(old.hash).toBe(sha256Hex(utf8(records.map((r) => JSON.stringify(r) + '\n').join(''))));
        expect(old.rawBytes).toBeGreaterThanOrEqual(records.length);
        expect(await decodeChunk(old.gzip, old, WHERE)).toStrictEqual(records);
        const chunk = await encodeChunk(records);
        expect(chunk.scheme).toBe(2);
        expect(await readChunk(chunk.gzip, chunk, WHERE)).toStrictEqual({ records, redacted: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('carries what the real readers produce, from every fixture format', async () => {
    const names = readdirSync(FIXTURES).filter((n) => n !== 'README.md');
    let withCompanions = 0;
    for (const name of names) {
      const { written } = await runImport(fixture(name), { fileName: name });
      const chunk = await encodeChunk(written);
      expect(await decodeChunk(chunk.gzip, chunk, { file: name, chunk: 0 }), name).toStrictEqual(written);
      withCompanions += written.filter((r) => r.companions?.length).length;
    }
    expect(withCompanions).toBeGreaterThan(0);
  });

  it('an empty chunk is the SHA-256 of no bytes and decodes to no records', async () => {
    for (const scheme of [1, 2] as const) {
      const chunk = await encodeChunk([], { scheme });
      expect(chunk.rawBytes).toBe(0);
      expect(chunk.hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expect(await decodeChunk(chunk.gzip, chunk, WHERE)).toEqual([]);
    }
  });

  it('refuses content that does not match its hash, naming the file and chunk', async () => {
    const { hash } = await encodeChunk([order('#1001')], { scheme: 1 });
    const changed = serverChunk(JSON.stringify(order('#1002')) + '\n');
    await expect(decodeChunk(changed.gzip, { hash, scheme: 1 }, WHERE)).rejects.toThrow(
      "orders_2026-11.csv, chunk 3: its content does not match the operation's hash for it",
    );
    // One byte flipped in the compressed bytes: gzip's own check or the hash refuses it.
    const sent = await encodeChunk([order('#1001')]);
    const flipped = sent.gzip.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    await expect(decodeChunk(flipped, sent, WHERE)).rejects.toBeInstanceOf(TeamChunkError);
    await expect(decodeChunk(flipped, sent, WHERE)).rejects.toThrow(/^orders_2026-11\.csv, chunk 3: /);
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
    const error = await decodeChunk(gzip, { hash: '0'.repeat(64), scheme: 2 }, WHERE, { maxChunkRawBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamChunkError);
    expect((error as Error).message).toBe('orders_2026-11.csv, chunk 3: it inflates past 1048576 bytes, more than a chunk may hold');
  });

  it('refuses a compressed chunk bigger than the server takes, and bytes that are not gzip', async () => {
    const chunk = await encodeChunk([order('#1001')]);
    const { gzip } = chunk;
    await expect(decodeChunk(gzip, chunk, WHERE, { maxChunkBytes: 10 })).rejects.toThrow(/compressed, past the 10 a chunk may have/);
    await expect(decodeChunk(utf8('not gzip at all'), chunk, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3: not a gzip stream (damaged or cut short)');
    await expect(decodeChunk(gzip.slice(0, gzip.length - 6), chunk, WHERE)).rejects.toThrow(/not a gzip stream/);
  });

  it('refuses a card number in the BIN, naming the line', async () => {
    const bin = serverChunk(`${JSON.stringify(order('#1001'))}\n${JSON.stringify(order('#1002', '4242424242424242'))}\n`);
    await expect(decodeChunk(bin.gzip, bin, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 2: cardBin: a BIN of at most 8 digits');
    const error = await decodeChunk(bin.gzip, bin, WHERE).catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'orders_2026-11.csv', chunk: 2, line: 2 });
  });

  it('refuses a full card number in any text of a record, a companion included, naming the line and field', async () => {
    const street = order('#1002');
    const a = serverChunk(
      `${JSON.stringify(order('#1001'))}\n${JSON.stringify({ ...street, value: { ...street.value, shipStreet: 'Hauptstr. 1, card 4242 4242 4242 4242' } })}\n`,
    );
    await expect(decodeChunk(a.gzip, a, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 2: shipStreet: a full card number, which no import keeps');
    const inner = order('#1004');
    const companion = { ...order('#1003'), companions: [{ ...inner, value: { ...inner.value, cardFingerprint: '4000056655665556' } }] };
    const b = serverChunk(JSON.stringify(companion) + '\n');
    await expect(decodeChunk(b.gzip, b, WHERE)).rejects.toThrow('line 1: companions[0].cardFingerprint: a full card number, which no import keeps');
    // A phone number written without its + is no card, as the import's card screen reads it.
    const phone = order('#1005');
    const c = serverChunk(JSON.stringify({ ...phone, value: { ...phone.value, phone: '4915112345678' } }) + '\n');
    expect(await decodeChunk(c.gzip, c, WHERE)).toHaveLength(1);
    // Reduced to BIN and last 4, as the import leaves it, it travels.
    const masked = order('#1006');
    const d = serverChunk(JSON.stringify({ ...masked, value: { ...masked.value, shipStreet: 'card 42424242******4242' } }) + '\n');
    expect(await decodeChunk(d.gzip, d, WHERE)).toHaveLength(1);
    await expect(encodeChunk([street, { ...street, value: { ...street.value, shipName: '4242424242424242' } }])).rejects.toThrow(
      'record 2 of the chunk (line 2 of the file): shipName: a full card number, which no import keeps',
    );
  });

  it('refuses unknown fields, in the record or in its value', async () => {
    const top = serverChunk(JSON.stringify({ ...order('#1001'), note: 'x' }) + '\n');
    await expect(decodeChunk(top.gzip, top, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 1: unknown field "note"');
    const inner = order('#1001');
    const nested = serverChunk(JSON.stringify({ ...inner, value: { ...inner.value, cardNumber: '4242424242424242' } }) + '\n');
    await expect(decodeChunk(nested.gzip, nested, WHERE)).rejects.toThrow('line 1: unknown field "cardNumber"');
  });

  it('refuses a companion of a companion, a field the kind does not have, lines that are not records', async () => {
    const deep = { ...order('#1001'), companions: [{ ...order('#1002'), companions: [order('#1003')] }] };
    const a = serverChunk(JSON.stringify(deep) + '\n');
    await expect(decodeChunk(a.gzip, a, WHERE)).rejects.toThrow('line 1: companions[0]: unknown field "companions"');
    const b = serverChunk(JSON.stringify({ ...order('#1001'), provided: ['reasonCode'] }) + '\n');
    await expect(decodeChunk(b.gzip, b, WHERE)).rejects.toThrow(/line 1: provided\[0\]: /);
    const c = serverChunk(JSON.stringify(order('#1001')) + '\n{"kind":\n');
    await expect(decodeChunk(c.gzip, c, WHERE)).rejects.toThrow('orders_2026-11.csv, chunk 3, line 2: not JSON');
    const d = serverChunk(JSON.stringify(order('#1001')));
    await expect(decodeChunk(d.gzip, d, WHERE)).rejects.toThrow('line 1: the last line is not ended');
    const e = serverChunk(JSON.stringify(order('#1001')) + '\n' + JSON.stringify(order('#1002')) + '\n');
    await expect(decodeChunk(e.gzip, e, WHERE, { maxRecords: 1 })).rejects.toThrow('2 records, more than the 1 a chunk may hold');
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

  describe('scheme 2: a chunk the server can redact', () => {
    const ERASURE = '0b7f6c1e-2d3a-4f5b-8c9d-0e1f2a3b4c5d';
    const payment: ParsedRecord = {
      kind: 'payment',
      key: 'pi_1',
      hash: '0123456789abcdef',
      scope: 'payment/0123456789ab',
      provided: ['id'],
      line: 3,
      lines: null,
      rows: 1,
      value: {
        id: 'pi_1',
        provider: 'stripe',
        orderRef: '#1001',
        createdAt: Date.UTC(2026, 10, 30),
        amountMinor: 4200,
        currency: 'EUR',
        status: 'succeeded',
        email: 'anna@example.com',
        ip: '192.0.2.1',
        cardBin: '424242',
        cardLast4: '4242',
        cardExpiry: '04/27',
        cardFingerprint: 'fp_anna',
        cardBrand: 'visa',
        cardCountry: 'DE',
      },
      companions: [{ ...order('#1001'), line: 3, rows: 0 }],
    };

    /** The chunk's lines as the server holds them, changed by `change`, gzip'd again. */
    async function changed(records: ParsedRecord[], change: (lines: string[]) => string[]) {
      const sent = await encodeChunk(records);
      const lines = gunzipSync(sent.gzip).toString('utf8').slice(0, -1).split('\n');
      const out = change(lines);
      return { sent, gzip: new Uint8Array(gzipSync(out.map((l) => l + '\n').join(''))), text: out.join('\n') };
    }
    /** A laptop holding the erasure ERASURE with this register (the operation's orders from shopify). */
    const holding = (orderKeys: string[], payments: string[] = []) => ({
      erasures: {
        orderSource: 'shopify',
        lookup: async (ids: readonly string[]) => new Map(ids.includes(ERASURE) ? [[ERASURE, { orderKeys, payments }]] : []),
      },
    });
    const redact = (line: string) => {
      const split = splitLine(JSON.parse(line));
      if (typeof split === 'string' || split.mark) throw new Error('not a line as sent');
      return JSON.stringify(redactedLine(split, ERASURE));
    };

    it('a chunk as sent verifies, each line salted, and hashes differently from its bytes', async () => {
      const records = [order('#1001'), payment, order('#1002')];
      const sent = await encodeChunk(records);
      const text = gunzipSync(sent.gzip).toString('utf8');
      expect(sent.hash).not.toBe(sha256Hex(utf8(text)));
      expect(
        text
          .split('\n')
          .slice(0, -1)
          .every((l) => /^[0-9a-f]{32}$/.test(JSON.parse(l).salt)),
      ).toBe(true);
      expect(await readChunk(sent.gzip, sent, WHERE)).toStrictEqual({ records, redacted: 0 });
      // Declared as scheme 1, the same bytes do not match.
      await expect(decodeChunk(sent.gzip, { ...sent, scheme: 1 }, WHERE)).rejects.toThrow("its content does not match the operation's hash for it");
    });

    it('a redacted line verifies: its personal fields blank, companions too, everything else as sent', async () => {
      const records = [order('#1002'), payment, order('#1003')];
      const { sent, gzip, text } = await changed(records, (lines) => lines.map((l, i) => (i === 1 ? redact(l) : l)));
      for (const gone of ['anna@example.com', 'Hauptstr', '192.0.2.1', 'fp_anna', '04/27']) expect(text.split('\n')[1]).not.toContain(gone);
      // The erasure names the payment's order, in the other spelling of its number.
      const read = await readChunk(gzip, sent, WHERE, holding(['shopify:1001']));
      expect(read.redacted).toBe(1);
      expect(read.records[0]).toStrictEqual(records[0]);
      expect(read.records[2]).toStrictEqual(records[2]);
      const got = read.records[1]!;
      expect(got.kind === 'payment' && got.value).toStrictEqual({
        ...(payment.value as object),
        email: '',
        ip: '',
        cardBin: '',
        cardLast4: '',
        cardExpiry: '',
        cardFingerprint: '',
      });
      const companion = got.companions![0]!;
      expect(companion.kind === 'order' && [companion.value.email, companion.value.shipName, companion.value.customerId, companion.value.totalMinor]).toEqual([
        '',
        '',
        '',
        4200,
      ]);
    });

    it('takes a redacted line only from an erasure the laptop holds whose register reaches the record', async () => {
      const records = [order('#1002'), payment, order('#1003')];
      const { sent, gzip } = await changed(records, (lines) => lines.map((l, i) => (i === 1 ? redact(l) : l)));
      // Held, and reaching the line: by the payment's id, by its order, by the order carried with it.
      for (const reach of [holding([], ['pi_1']), holding(['shopify:#1001']), holding(['shopify:1001'])])
        expect((await readChunk(gzip, sent, WHERE, reach)).redacted).toBe(1);
      // A server's say alone (no erasure held, or another id than the one held) blanks nothing.
      const notHeld = `orders_2026-11.csv, chunk 3, line 2: redacted under an erasure this laptop does not hold (${ERASURE}): not applied`;
      await expect(readChunk(gzip, sent, WHERE)).rejects.toThrow(notHeld);
      const other = {
        erasures: {
          orderSource: 'shopify',
          lookup: async () => new Map([['5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', { orderKeys: ['shopify:#1001'], payments: [] }]]),
        },
      };
      await expect(readChunk(gzip, sent, WHERE, other)).rejects.toThrow(notHeld);
      // Held, but naming another person: the line is refused, and with it the chunk.
      for (const elsewhere of [holding(['shopify:#1002']), holding([], ['pi_2']), holding(['amazon:#1001']), holding([])])
        await expect(readChunk(gzip, sent, WHERE, elsewhere)).rejects.toThrow(
          `orders_2026-11.csv, chunk 3, line 2: redacted under erasure ${ERASURE}, which does not reach this record: not applied`,
        );
    });

    it('refuses a forged mark: any order blanked under a made-up erasure id', async () => {
      const { gzip, hash, scheme } = await encodeChunk([order('#1001')]);
      const split = splitLine(JSON.parse(gunzipSync(gzip).toString('utf8').trim()));
      if (typeof split === 'string' || split.mark) throw new Error('not a line as sent');
      const forged = new Uint8Array(gzipSync(JSON.stringify(redactedLine(split, '12345678-1234-4234-8234-123456789abc')) + '\n'));
      const error = await readChunk(forged, { hash, scheme }, { file: 'f', chunk: 0 }, holding(['shopify:#1001'])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TeamChunkError);
      expect((error as TeamChunkError).message).toBe(
        'f, chunk 1, line 1: redacted under an erasure this laptop does not hold (12345678-1234-4234-8234-123456789abc): not applied',
      );
      // The same line under the erasure held that names the order is taken.
      const genuine = new Uint8Array(gzipSync(JSON.stringify(redactedLine(split, ERASURE)) + '\n'));
      const read = await readChunk(genuine, { hash, scheme }, { file: 'f', chunk: 0 }, holding(['shopify:#1001']));
      expect(read.records[0]!.kind === 'order' && read.records[0]!.value.email).toBe('');
    });

    it('refuses a redacted line whose amount, status, date or key changed', async () => {
      const records = [order('#1002'), payment];
      /** The fields of the redacted payment line the edits change. */
      type Line = {
        key: string;
        hash: string;
        value: { amountMinor: number; status: string; createdAt: number };
        companions: { value: { totalMinor: number } }[];
        redacted: { personal: string };
      };
      const edits: ((line: Line) => void)[] = [
        (l) => (l.value.amountMinor = 1),
        (l) => (l.value.status = 'refunded'),
        (l) => (l.value.createdAt += 1),
        (l) => (l.key = 'pi_2'),
        (l) => (l.hash = 'fedcba9876543210'),
        (l) => (l.companions[0]!.value.totalMinor = 1),
        (l) => (l.redacted.personal = '0'.repeat(64)),
      ];
      for (const edit of edits) {
        const { sent, gzip } = await changed(records, (lines) =>
          lines.map((l, i) => {
            if (i !== 1) return l;
            const json = JSON.parse(redact(l)) as Line;
            edit(json);
            return JSON.stringify(json);
          }),
        );
        await expect(decodeChunk(gzip, sent, WHERE), String(edit)).rejects.toThrow("its content does not match the operation's hash for it");
      }
    });

    it('refuses a line changed as sent, dropped, added or moved', async () => {
      const records = [order('#1001'), order('#1002'), order('#1003')];
      const amount = await changed(records, (lines) => lines.map((l, i) => (i === 1 ? l.replace('"totalMinor":4200', '"totalMinor":4300') : l)));
      const email = await changed(records, (lines) => lines.map((l, i) => (i === 1 ? l.replace('anna@example.com', 'bob@example.com') : l)));
      const dropped = await changed(records, (lines) => [lines[0]!, lines[2]!]);
      const added = await changed(records, (lines) => [...lines, lines[2]!]);
      const moved = await changed(records, (lines) => [lines[1]!, lines[0]!, lines[2]!]);
      const movedRedacted = await changed(records, (lines) => [redact(lines[1]!), redact(lines[0]!), lines[2]!]);
      for (const c of [amount, email, dropped, added, moved, movedRedacted])
        await expect(decodeChunk(c.gzip, c.sent, WHERE)).rejects.toThrow("its content does not match the operation's hash for it");
    });

    it('refuses a redacted line that holds personal data, and a line with neither salt nor mark, naming the line', async () => {
      const records = [order('#1001'), order('#1002')];
      const filled = await changed(records, (lines) =>
        lines.map((l, i) => {
          if (i !== 1) return l;
          const json = JSON.parse(redact(l));
          json.value.email = 'someone@example.com';
          return JSON.stringify(json);
        }),
      );
      await expect(decodeChunk(filled.gzip, filled.sent, WHERE)).rejects.toThrow('chunk 3, line 2: a redacted line that still holds personal data');
      const bare = await changed(records, (lines) => lines.map((l) => JSON.stringify({ ...JSON.parse(l), salt: undefined })));
      await expect(decodeChunk(bare.gzip, bare.sent, WHERE)).rejects.toThrow('chunk 3, line 1: no salt for its personal values');
      const both = await changed(records, (lines) => lines.map((l, i) => (i === 0 ? JSON.stringify({ ...JSON.parse(redact(l)), salt: '0'.repeat(32) }) : l)));
      await expect(decodeChunk(both.gzip, both.sent, WHERE)).rejects.toThrow('line 1: both a salt and a redaction mark');
    });

    it('hashes a 5,000-record chunk in one pass', async () => {
      const records = Array.from({ length: 5000 }, (_, i) => order(`#${10000 + i}`));
      const sent = await encodeChunk(records);
      expect((await decodeChunk(sent.gzip, sent, WHERE)).length).toBe(5000);
    });
  });
});
