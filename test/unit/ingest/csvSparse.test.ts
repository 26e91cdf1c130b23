// Once the reader says which columns it reads (CsvRecordStream.want), lines without a quote are
// split without cutting out the other columns, and each quoted record is parsed on its own. Whatever
// the text, the chunking and the columns wanted, the reader must be handed what one papaparse parse
// of each chunk gives: the same rows on the same lines with the same values in the wanted columns,
// the same rows set aside with the same reason and column, the same blank lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordStream } from '../../../shared/ingest/csvStream';
import { FileMessages } from '../../../shared/ingest/problems';

type Event =
  | ['header', string[], number]
  | ['row', (string | undefined)[], number, number]
  | ['problem', number, string, number | undefined, string | undefined]
  | ['short', string[], number];

interface Limits {
  maxRecordChars: number;
  maxFieldChars: number;
}

/** Events of splitting `text` cut at `cuts`; `wanted` null: every column, as before want() existed. */
function split(text: string, cuts: number[], limits: Limits, wanted: number[] | null, delimiter: ',' | ';' = ',') {
  const events: Event[] = [];
  const stream: CsvRecordStream = new CsvRecordStream(
    { delimiter, headerLine: 1, ...limits },
    {
      header: (h) => {
        events.push(['header', [...h.names], h.line]);
        if (wanted) stream.want(wanted);
      },
      // Only the wanted columns are compared (and read: unit tests throw on reading another).
      row: (fields, line) => events.push(['row', wanted ? wanted.map((c) => fields[c]) : [...fields], fields.length, line]),
      problem: (line, code, reason, column, name) => events.push(['problem', line, `${code}: ${reason}`, column, name]),
      // Rows one field short are a footer the sink takes, to cover that path too.
      shortRow: (fields, line) => {
        if (stream.header && fields.length !== stream.header.names.length - 1) return false;
        events.push(['short', [...fields], line]);
        return true;
      },
    },
    new FileMessages(),
  );
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(text.length, cut);
    if (to <= at) continue;
    stream.push(text.slice(at, to));
    at = to;
  }
  stream.push(text.slice(at));
  stream.end();
  return { events, rows: stream.rows, blank: stream.blankLines };
}

// Cells as exports write them, and as they break: quoted with delimiters, doubled quotes and line
// breaks inside, stray and unterminated quotes, spaces after a closing quote, control characters,
// whitespace-only and leading-space cells, and cells longer than a small field limit.
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', 'a', 'Fürth', '10.00', '#1001', 'x y', ' ', ' lead', '\u00a0', 'a-long-cell', 'sixsix', 'seven77') },
  { weight: 2, arbitrary: fc.constantFrom('"a,b"', '"say ""hi"""', '"line\nbreak"', '""', '"\n"', '"a";"b"') },
  { weight: 1, arbitrary: fc.constantFrom('"open', 'mid"quote', '"closed"x', '"a" ', 'bad\u0001', '"', '"a\nb', 'a""b', 'tab\tin') },
);
const quoteFreeCell = fc.constantFrom('', 'a', 'Fürth', '10.00', ' ', ' lead', 'a-long-cell', 'x;y', 'sixsix', 'seven77');
const lineOf = (c: fc.Arbitrary<string>) => fc.array(c, { minLength: 0, maxLength: 5 }).map((cells) => cells.join(','));
// Mostly well-formed lines of the header's width (3 columns), some of other widths.
const text = (c: fc.Arbitrary<string>) =>
  fc
    .tuple(
      lineOf(c),
      fc.array(fc.oneof({ weight: 4, arbitrary: fc.tuple(c, c, c).map((t) => t.join(',')) }, { weight: 1, arbitrary: lineOf(c) }), {
        minLength: 0,
        maxLength: 14,
      }),
    )
    .chain(([head, lines]) => fc.constantFrom('\n', '').map((end) => [head, ...lines].join('\n') + end));
const wantedCols = fc.subarray([0, 1, 2, 3, 4]);
const cuts = fc.array(fc.nat(200), { maxLength: 6 });
const limits = fc.record({ maxRecordChars: fc.constantFrom(12, 40, 1 << 20), maxFieldChars: fc.constantFrom(6, 64 << 10) });

describe('column-sparse rows split like one parse of each chunk', () => {
  it('the same events for any text, chunking, limits and columns wanted', () => {
    fc.assert(
      fc.property(text(cell), cuts, limits, wantedCols, (t, c, l, w) => {
        expect(split(t, c, l, w)).toEqual(withWanted(split(t, c, l, null), w));
      }),
      { numRuns: 3000 },
    );
  });

  it('the same events for files without quotes, where every line takes the sparse path', () => {
    fc.assert(
      fc.property(text(quoteFreeCell), cuts, limits, wantedCols, (t, c, l, w) => {
        expect(split(t, c, l, w)).toEqual(withWanted(split(t, c, l, null), w));
      }),
      { numRuns: 2000 },
    );
  });

  it('a file that quotes every row gives the same rows past the one-by-one limit', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `"#${i}","a,b","say ""hi""","x\ny"`);
    const t = `"Order","Note","Quote","Lines"\n${rows.join('\n')}\n`;
    const l = { maxRecordChars: 1 << 20, maxFieldChars: 64 << 10 };
    const sparse = split(t, [1000, 5000], l, [0, 2, 3]);
    expect(sparse).toEqual(withWanted(split(t, [1000, 5000], l, null), [0, 2, 3]));
    expect(sparse.rows).toBe(200);
    expect(sparse.events.at(-1)).toEqual(['row', ['#199', 'say "hi"', 'x\ny'], 4, 400]);
  });

  it('reads a quoted record between quote-free lines on its own lines, and counts the lines after it', () => {
    const t = 'Order;Note;Skip\nA0;zero;-\nA1;plain;-\nA2;"two\nlines; one cell";-\nA3;plain;-\n';
    // The first chunk (header and A0) is read before want(); the rest after it.
    expect(split(t, [26], { maxRecordChars: 1 << 20, maxFieldChars: 100 }, [0, 1], ';').events).toEqual([
      ['header', ['Order', 'Note', 'Skip'], 1],
      ['row', ['A0', 'zero'], 3, 2],
      ['row', ['A1', 'plain'], 3, 3],
      ['row', ['A2', 'two\nlines; one cell'], 3, 4],
      ['row', ['A3', 'plain'], 3, 6],
    ]);
  });
});

/** The reference's events with rows projected on the wanted columns, as the sparse run records them. */
function withWanted(r: ReturnType<typeof split>, wanted: number[]): ReturnType<typeof split> {
  return { ...r, events: r.events.map((e) => (e[0] === 'row' ? ['row', wanted.map((c) => e[1][c]), e[2], e[3]] : e)) };
}
