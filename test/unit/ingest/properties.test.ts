// Property tests over generated exports with injected defects: every row lands in exactly one
// bucket, defects are reported on their physical line, chunking never changes the answer, and a
// re-import of the same bytes changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatPreset } from '../../../shared/ingest';
import { SHOPIFY_ORDERS } from '../../../shared/ingest/formats/shopify';
import { bucketsAddUp, runImport, utf8 } from './support';

const ORDERS: FormatPreset = {
  id: 'prop-orders',
  label: 'Generated orders',
  kind: 'orders',
  markerColumns: ['Order', 'Date', 'Total'],
  mapping: { externalId: 'Order', createdAt: 'Date', total: 'Total', currency: 'Currency', email: 'Note' },
  options: { source: 'prop', marketplace: 'shop', grouping: 'none', decimalMark: '.' },
};

const DEFECTS = {
  tooMany: 'ragged',
  tooFew: 'ragged',
  unterminated: 'quote',
  control: 'control-chars',
  badDate: 'invalid-value',
  badAmount: 'invalid-value',
  emptyKey: 'missing-value',
} as const;
type Defect = keyof typeof DEFECTS;

type Row = { kind: 'ok'; id: number; cents: number; note: string } | { kind: Defect; id: number } | { kind: 'blank' };

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const rowArb: fc.Arbitrary<Row> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('ok' as const),
      id: fc.integer({ min: 1, max: 25 }),
      cents: fc.integer({ min: 0, max: 5 }),
      note: fc.constantFrom('', 'x', 'two\nlines', 'a, b', 'say "hi"', 'Grüße', 'three\nline\nnote'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom(...(Object.keys(DEFECTS) as Defect[])), id: fc.integer({ min: 1, max: 25 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);

function render(row: Row): string {
  switch (row.kind) {
    case 'ok':
      return `A${row.id},2026-05-01 10:00,${row.cents}.00,EUR,${quote(row.note)}`;
    case 'tooMany':
      return `A${row.id},2026-05-01 10:00,1.00,EUR,x,surplus`;
    case 'tooFew':
      return `A${row.id},2026-05-01 10:00`;
    case 'unterminated':
      return `A${row.id},2026-05-01 10:00,"1.00,EUR,x`;
    case 'control':
      return `A${row.id},2026-05-01 10:00,1.00,EUR,x\u0001y`;
    case 'badDate':
      return `A${row.id},2026-99-01 10:00,1.00,EUR,x`;
    case 'badAmount':
      return `A${row.id},2026-05-01 10:00,abc,EUR,x`;
    case 'emptyKey':
      return `,2026-05-01 10:00,1.00,EUR,x`;
    case 'blank':
      return '';
  }
}

interface Generated {
  bytes: Uint8Array;
  rows: number;
  /** Physical line and expected problem code of each defect row. */
  defects: { line: number; code: string }[];
}

function build(rows: Row[], endings: string[]): Generated {
  let text = 'Order,Date,Total,Currency,Note' + endings[0];
  let count = 0;
  const defects: Generated['defects'] = [];
  rows.forEach((row, i) => {
    // Lines as the file has them: a lone CR then a blank LF line is one CRLF, not two breaks.
    const line = 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
    if (row.kind !== 'blank') count++;
    if (row.kind !== 'ok' && row.kind !== 'blank') defects.push({ line, code: DEFECTS[row.kind] });
    text += render(row) + endings[(i + 1) % endings.length];
  });
  return { bytes: utf8(text), rows: count, defects };
}

const fileArb = fc
  .tuple(fc.array(rowArb, { maxLength: 40 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }))
  .map(([rows, endings]) => build(rows, endings));
const chunksArb = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 });

describe('generated exports with defects', () => {
  it('rows read = created + updated + unchanged + quarantined; each defect reported on its line', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, chunksArb, async (file, sizes) => {
        const { summary } = await runImport(file.bytes, { preset: ORDERS }, undefined, sizes);
        expect(summary.errors).toEqual([]);
        expect(summary.rows).toBe(file.rows);
        expect(bucketsAddUp(summary)).toBe(true);
        expect(summary.quarantined).toBe(summary.problems.length);
        const reported = summary.problems.map((p) => ({ line: p.line, code: p.code as string }));
        for (const d of file.defects) expect(reported).toContainEqual(d);
      }),
      { numRuns: 150 },
    );
  });

  it('chunk sizes never change the outcome', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, chunksArb, async (file, sizes) => {
        const whole = await runImport(file.bytes, { preset: ORDERS });
        const pieces = await runImport(file.bytes, { preset: ORDERS }, undefined, sizes);
        expect(pieces.summary).toEqual(whole.summary);
        expect(pieces.written.map((r) => r.hash)).toEqual(whole.written.map((r) => r.hash));
      }),
      { numRuns: 100 },
    );
  });

  it('re-importing the same file changes nothing: all rows unchanged except the same quarantined ones', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const first = await runImport(file.bytes, { preset: ORDERS });
        const again = await runImport(file.bytes, { preset: ORDERS }, first.known);
        expect(again.written).toEqual([]);
        expect(again.summary.created + again.summary.updated).toBe(0);
        expect(again.summary.unchanged).toBe(first.summary.rows - first.summary.quarantined);
        expect(again.summary.problems).toEqual(first.summary.problems);
      }),
      { numRuns: 100 },
    );
  });
});

// Shopify-shaped files: orders of several line-item rows, continuation rows carrying only Name and
// line-item columns, defects anywhere.
type ShopRow = string[];
const SHOP_COLUMNS = ['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem name', 'Lineitem price', 'Note Attributes'];
const shopOrderArb = fc.record({
  id: fc.integer({ min: 1000, max: 1030 }),
  items: fc.integer({ min: 1, max: 4 }),
  status: fc.constantFrom('paid', 'refunded', 'pending'),
  note: fc.constantFrom('', 'gift: yes\nwrap: no'),
  defect: fc.option(fc.record({ row: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom('ragged', 'badTotal', 'control', 'unterminated') }), { freq: 3 }),
});

type ShopOrder = typeof shopOrderArb extends fc.Arbitrary<infer T> ? T : never;

function shopRows(o: ShopOrder): string {
  const rows: ShopRow[] = [];
  for (let i = 0; i < o.items; i++) {
    const first = i === 0;
    rows.push([
      `#${o.id}`,
      'kunde@example.de',
      first ? o.status : '',
      first ? 'EUR' : '',
      first ? '19.90' : '',
      first ? '2026-05-01 10:00:00 +0200' : '',
      `Item ${i}`,
      '9.95',
      first ? o.note : '',
    ]);
  }
  const d = o.defect;
  if (d && d.row < rows.length) {
    const r = rows[d.row]!;
    if (d.kind === 'ragged') r.push('surplus');
    if (d.kind === 'badTotal' && d.row === 0) r[4] = '19,9x';
    if (d.kind === 'control') r[6] = 'Item\u0002';
    if (d.kind === 'unterminated') r[7] = '"9.95';
  }
  return rows.map((r) => r.map((v, i) => (i === 7 && v.startsWith('"') ? v : quote(v))).join(',')).join('\n') + '\n';
}

describe('generated Shopify exports', () => {
  it('line-item rows count with their order: the buckets add up, and a re-import is all unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shopOrderArb, { maxLength: 15 }), chunksArb, async (orders, sizes) => {
        const text = SHOP_COLUMNS.join(',') + '\n' + orders.map(shopRows).join('');
        const first = await runImport(utf8(text), { preset: SHOPIFY_ORDERS }, undefined, sizes);
        expect(first.summary.errors).toEqual([]);
        // An unterminated quote in a record that also has a multi-line note: reading resumes on the
        // record's next physical line, which then counts as a row of its own (set aside).
        const resumed = orders.filter((o) => o.defect?.kind === 'unterminated' && o.defect.row === 0 && o.note.includes('\n')).length;
        expect(first.summary.rows).toBe(orders.reduce((n, o) => n + o.items, 0) + resumed);
        expect(bucketsAddUp(first.summary)).toBe(true);
        const again = await runImport(utf8(text), { preset: SHOPIFY_ORDERS }, first.known, sizes);
        expect(bucketsAddUp(again.summary)).toBe(true);
        expect(again.written).toEqual([]);
        expect(again.summary.quarantined).toBe(first.summary.quarantined);
      }),
      { numRuns: 150 },
    );
  });
});
