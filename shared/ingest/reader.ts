// Reads one export from byte chunks to records: sniffs encoding, layout and format from the first
// 64 KiB, then streams rows through the CSV splitter, the column mapping and the record builders.
import { concatBytes } from '../bytes';
import { ByteHasher } from './contentHash';
import { BuildContext, type OutcomeSeen } from './build/context';
import { builderFor } from './build/builders';
import { orderContentHash } from './build/orders';
import { Grouper, itemIdColumns, type RecordBuilder } from './build/grouping';
import { rowKindColumn, shortRowOfOtherKind } from './build/rowKinds';
import { isSecurityCodeColumn } from './cardData';
import { CardScreen, cardNumberColumnsOf, routeCardNumberColumns } from './cardScreen';
import { CsvRecordStream, MAX_RECORD_CHARS, type CsvSink } from './csvStream';
import { timeZoneNamed, timeZoneProblem, UTC } from './dates';
import { binaryFileKind, detectEncoding, notTextMessage, StreamDecoder, type EncodingGuess, type TextEncodingName } from './decode';
import { detectLayout, type Delimiter } from './delimiter';
import { groupingOf, type FormatPreset } from './formats/preset';
import { BUILT_IN_PRESETS, missingMarkers, namesAFormat, rankFormats } from './formats/registry';
import type { Header } from './headers';
import { isRowsToFix } from './rowsToFix';
import { LineEndingNormaliser, noLineBreaksMessage, unendingLineMessage } from './lineEndings';
import { resolveMapping, type ColumnMapping, type ResolvedMapping } from './mapping';
import { describeColumn, FileMessages, type FileMessage, type RowProblem, type RowProblemCode } from './problems';
import type { ParsedRecord } from './records';
import type { DeferredOrders } from './columnarBatch';
import { cleanShopName, shopSource } from './shops';
import { voteDecimalMark, WARMUP_ROWS } from './warmup';
import { DateOrderVote, type SettledOrder } from './dateOrder';
import type { DateOrder } from './dates';
import { DATE_FIELDS } from './fields';

export const SNIFF_BYTES = 64 * 1024;

/**
 * Text read before the header without a line break, past which the file is not line-based:
 * reading stops there (a 200 MB file with no newline is not read on looking for one). No more
 * than the longest record the splitter holds, so the reader, not the splitter, decides.
 */
export const MAX_UNBROKEN_BEFORE_HEADER = MAX_RECORD_CHARS;

export interface ReaderOptions {
  fileName: string;
  /** The format the analyst chose; when absent it is detected among `presets`. */
  preset?: FormatPreset;
  presets?: readonly FormatPreset[];
  /** Replaces the preset's mapping (the wizard's edited mapping). */
  mapping?: ColumnMapping;
  /** Payments: the column that holds the order reference (default: the preset's choice). */
  orderRefColumn?: string;
  /** Wizard overrides of what sniffing would decide. */
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  headerLine?: number;
  /** The analyst's day/month order for date columns whose values do not settle it (wizard). */
  dateOrder?: DateOrder;
  /** The own shop the file is from, when the analyst named one: its orders get their own key (shops.ts). */
  shop?: string;
  /**
   * Orders' content hashes are left to whoever takes the batches: each order record's `hash` is ''
   * until `fillOrderHashes` sets it. The read worker sets this so its thread, the import's slowest,
   * does not hash (readAhead.ts).
   */
  orderHashesLater?: boolean;
  /**
   * The year two-digit years (`31.12.99`) are read near: 19xx when 20xx would be more than 20 years
   * after it. The app passes its clock's year; without it a fixed year is used (dates.ts).
   */
  referenceYear?: number;
}

export interface ParsedBatch {
  records: ParsedRecord[];
  /**
   * Order records among `records` whose values are still columns, as the import worker takes a
   * batch (unpackBatchDeferred): materialiseOrders(deferred) before reading their values.
   */
  deferred?: DeferredOrders;
  /** Rows set aside, one entry per row. */
  problems: RowProblem[];
  /** Data rows read so far (records still being grouped included). */
  rowsRead: number;
  bytesRead: number;
}

/**
 * Sets the content hash of each order record a reader with `orderHashesLater` left without one:
 * the hash the reader would have set itself.
 */
export function fillOrderHashes(batch: ParsedBatch): void {
  const visit = (r: ParsedRecord) => {
    if (r.kind === 'order' && r.hash === '') r.hash = orderContentHash(r.value, r.provided);
    r.companions?.forEach(visit);
  };
  batch.records.forEach(visit);
}

export interface ReaderInfo {
  file: string;
  preset: FormatPreset | null;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  headerLine: number | null;
  columns: readonly string[];
  rowsRead: number;
  blankLines: number;
  bytesRead: number;
  /** Hash of all bytes read; final once `end()` has run. */
  fileHash: string;
  errors: FileMessage[];
  warnings: FileMessage[];
  /** The day/month order each date column was read in, and why (settled from its values, the format, ...). */
  dateOrders: DateColumnOrder[];
  /** The known-outcome column and how the value map read its values so far; null when it is not mapped. */
  knownOutcomes: { column: string; values: OutcomeSeen[] } | null;
  /** The columns (1-based) the card screen found card numbers in so far (CardScreen.columnsWithCards). */
  cardColumns: number[];
}

export interface DateColumnOrder extends SettledOrder {
  /** 0-based source column and its header. */
  column: number;
  name: string;
}

/** Most rows held back while a date column's order is unsettled (a month's first 12 days can take many). */
export const DATE_WARMUP_MAX_ROWS = 50_000;

const AMOUNT_FIELDS = ['total', 'lineAmount', 'lineTax', 'lineDiscount', 'amount', 'amountRefunded', 'disputeAmount'];

export class ExportReader implements CsvSink {
  private state: 'sniffing' | 'reading' | 'failed' | 'done' = 'sniffing';
  private head: Uint8Array[] = [];
  private headLength = 0;
  private readonly hasher = new ByteHasher();
  /** The bytes after the last line break of the chunk before, not decoded yet (decodeAndFeed). */
  private held: Uint8Array | null = null;
  private readonly messages = new FileMessages();
  private readonly newlines = new LineEndingNormaliser();
  private decoder: StreamDecoder | null = null;
  private csv: CsvRecordStream | null = null;
  private preset: FormatPreset | null = null;
  private resolved: ResolvedMapping | null = null;
  private ctx: BuildContext | null = null;
  private grouper: Grouper | null = null;
  private screen: CardScreen | null = null;
  private warm: { fields: string[]; line: number }[] | null = [];
  /** Votes on the day/month order of each date column, while the warm-up lasts. */
  private dateVotes = new Map<number, DateOrderVote>();
  private settledDates: DateColumnOrder[] = [];
  private problems: RowProblem[] = [];
  private rowsRead = 0;
  private bytesRead = 0;
  private delimiter: Delimiter | null = null;
  private headerLine: number | null = null;
  private columns: readonly string[] = [];
  /** The columns the mapping and the card screen read (header()): the only ones unguarded. */
  private readColumns: readonly number[] = [];
  /** Before the header: characters since the last line break, and whether there was one. */
  private unbroken = 0;
  private sawLineBreak = false;

  constructor(private readonly options: ReaderOptions) {}

  push(bytes: Uint8Array): ParsedBatch {
    this.bytesRead += bytes.length;
    this.hasher.push(bytes);
    if (this.state === 'sniffing') {
      this.head.push(bytes);
      this.headLength += bytes.length;
      if (this.headLength >= SNIFF_BYTES) this.start();
    } else if (this.state === 'reading') {
      this.decodeAndFeed(bytes);
    }
    return this.batch();
  }

  /**
   * Decodes a chunk so that the text handed to the CSV reader ends at a line break: the bytes after
   * the chunk's last LF wait, undecoded, for the next chunk. Text ending mid-line would be carried
   * and glued to the whole next chunk, which copies it (8 MiB of two-byte text for 4 MiB of UTF-8
   * with a Polish name in it) before a character of it is read.
   */
  private decodeAndFeed(bytes: Uint8Array): void {
    const decoder = this.decoder!;
    const first = decoder.cutsAtLineBreaks() ? bytes.indexOf(10) : -1;
    if (first === -1) {
      this.feed(this.heldText());
      this.feed(decoder.push(bytes));
      return;
    }
    this.feed(this.heldText() + decoder.push(bytes.subarray(0, first + 1)));
    const last = bytes.lastIndexOf(10);
    if (last > first) this.feed(decoder.push(bytes.subarray(first + 1, last + 1)));
    if (last + 1 < bytes.length) this.held = bytes.slice(last + 1);
  }

  /** The bytes decodeAndFeed held back, decoded now ('' when none); they are no longer held. */
  private heldText(): string {
    if (!this.held) return '';
    const held = this.held;
    this.held = null;
    return this.decoder!.push(held);
  }

  end(): ParsedBatch {
    if (this.state === 'sniffing') this.start();
    if (this.state === 'reading') {
      this.feed(this.heldText());
      this.feed(this.decoder!.end());
      const tail = this.newlines.end();
      if (tail) this.csv!.push(tail);
      this.csv!.end();
      this.finishWarmup();
      this.grouper?.end();
      this.lateDateOrders();
      if (this.screen && this.resolved) this.screen.report(this.messages, this.resolved.header.names, this.resolved.byField.has('cardNumber'));
      this.closingMessages();
    }
    if (this.state !== 'failed') this.state = 'done';
    return this.batch();
  }

  info(): ReaderInfo {
    return {
      file: this.options.fileName,
      preset: this.preset,
      encoding: this.decoder ? this.decoder.report().encoding : null,
      delimiter: this.delimiter,
      headerLine: this.headerLine,
      columns: this.columns,
      rowsRead: this.rowsRead,
      blankLines: this.csv?.blankLines ?? 0,
      bytesRead: this.bytesRead,
      fileHash: this.hasher.digest(),
      errors: this.messages.errors,
      warnings: this.messages.warnings,
      dateOrders: this.settledDates,
      knownOutcomes: this.knownOutcomes(),
      cardColumns: this.screen ? this.screen.columnsWithCards().map((c) => c + 1) : [],
    };
  }

  private knownOutcomes(): ReaderInfo['knownOutcomes'] {
    const f = this.resolved?.byField.get('knownOutcome');
    const columns = f === undefined ? [] : this.resolved!.columns[f]!;
    if (columns.length === 0) return null;
    const names = columns.map((c) => this.resolved!.header.names[c] ?? '').join(' / ');
    return { column: names, values: this.ctx ? [...this.ctx.outcomes.values()].map((v) => ({ ...v })) : [] };
  }

  private fail(code: string, message: string): void {
    this.messages.error(code, message);
    this.state = 'failed';
    this.head = [];
  }

  private start(): void {
    // One push is the head as it is, not copied (a 4 MiB chunk as a rule).
    const head = this.head.length === 1 ? this.head[0]! : concatBytes(this.head);
    this.head = [];
    if (head.length === 0) return this.fail('empty-file', 'the file is empty');
    const binary = binaryFileKind(head);
    if (binary) return this.fail('not-text', notTextMessage(binary, head));
    const guess: EncodingGuess = this.options.encoding ? { encoding: this.options.encoding, bom: false, confident: true } : detectEncoding(head);
    this.decoder = new StreamDecoder(guess);
    const text = this.newlines.push(this.decoder.push(head));
    if (this.runsOnWithoutLineBreak(text)) return;
    const lastBreak = text.lastIndexOf('\n');
    const sample = lastBreak > 0 && this.headLength >= SNIFF_BYTES ? text.slice(0, lastBreak + 1) : text;
    const presets = this.options.preset ? [this.options.preset, ...(this.options.presets ?? BUILT_IN_PRESETS)] : (this.options.presets ?? BUILT_IN_PRESETS);
    const layout = detectLayout(sample, this.options.delimiter, namesAFormat(presets));
    if (!layout) {
      // Only blank lines so far: a header may still come, so read on with defaults.
      this.delimiter = this.options.delimiter ?? ',';
      this.headerLine = this.options.headerLine ?? 1;
    } else {
      this.delimiter = layout.delimiter;
      this.headerLine = this.options.headerLine ?? layout.headerLine;
    }
    this.csv = new CsvRecordStream({ delimiter: this.delimiter, headerLine: this.headerLine }, this, this.messages);
    this.state = 'reading';
    this.csv.push(text);
  }

  private feed(text: string): void {
    if (text.length === 0 || this.state !== 'reading') return;
    const normalised = this.newlines.push(text);
    if (this.runsOnWithoutLineBreak(normalised)) return;
    this.csv!.push(normalised);
  }

  /** Before the header, fails the file once a run of text without a line break is too long to be a line. */
  private runsOnWithoutLineBreak(text: string): boolean {
    if (this.csv?.header) return false;
    const last = text.lastIndexOf('\n');
    if (last === -1) this.unbroken += text.length;
    else {
      this.sawLineBreak = true;
      this.unbroken = text.length - last - 1;
    }
    if (this.unbroken <= MAX_UNBROKEN_BEFORE_HEADER) return false;
    // Characters are at least a byte each, so this many characters are at least this many bytes.
    if (this.sawLineBreak) this.fail('line-too-long', unendingLineMessage(MAX_UNBROKEN_BEFORE_HEADER));
    else this.fail('no-line-breaks', noLineBreaksMessage(MAX_UNBROKEN_BEFORE_HEADER));
    return true;
  }

  header(header: Header): void {
    this.columns = header.names;
    header.keys.forEach((key, i) => {
      if (isSecurityCodeColumn(key))
        this.messages.warn('security-code-column', `${describeColumn(i + 1, header.names[i])} holds card security codes; it was not read`);
    });
    const presets = this.options.presets ?? BUILT_IN_PRESETS;
    const ranked = rankFormats(header, presets);
    let preset = this.options.preset;
    if (preset) {
      const missing = missingMarkers(header, preset);
      if (missing.length > 0) {
        const other = ranked.find((m) => m.missing.length === 0 && m.preset.id !== preset!.id);
        const hint = other ? ` It looks like a ${other.preset.label}.` : '';
        return this.fail('wrong-format', `this file is not a ${preset.label}: it lacks the columns ${missing.join(', ')}.${hint}`);
      }
    } else {
      const best = ranked[0];
      if (!best || best.missing.length > 0) {
        const hint = best ? ` Closest: ${best.preset.label}, which also needs ${best.missing.join(', ')}.` : '';
        return this.fail('unknown-format', `no known export format has this file's columns; map them in the import wizard.${hint}`);
      }
      preset = best.preset;
    }
    // A shop the analyst named for this file wins over the one a saved format carries.
    const shop = this.options.shop ?? preset.options.shop;
    this.preset = shop ? forShop(preset, shop) : preset;
    let mapping = this.options.mapping ?? preset.mapping;
    if (this.options.orderRefColumn) mapping = { ...mapping, orderRef: this.options.orderRefColumn };
    const resolution = resolveMapping(header, preset.kind, mapping);
    const { resolved } = resolution;
    // A report that may come without prices is read without them (its orders only update: build/orders.ts).
    const missing = preset.options.pricesOptional ? resolution.missing.filter((m) => m.field !== 'total') : resolution.missing;
    if (missing.length > 0) {
      const list = missing.map((m) => `${m.label}${m.columns.length ? ` (${m.columns.join(' or ')})` : ''}`).join(', ');
      return this.fail('missing-columns', `required columns missing for ${preset.label}: ${list}`);
    }
    const cardColumns = cardNumberColumnsOf(resolved);
    routeCardNumberColumns(resolved, cardColumns);
    this.screen = new CardScreen(resolved, cardColumns);
    this.resolved = resolved;
    // Every column the mapping, the card screen and the row-kind rule read; the others are never
    // cut out of quote-free lines (CsvRecordStream.want; tests throw on reading one).
    const kindColumn = this.preset.rowKinds ? rowKindColumn(this.preset.rowKinds, header) : -1;
    const itemColumns = itemIdColumns(this.preset, header);
    this.readColumns = [...new Set([...resolved.columns.flat(), ...cardColumns, ...itemColumns])];
    this.csv!.want([...resolved.columns.flat(), ...cardColumns, ...itemColumns, kindColumn]);
    if (preset.options.quotesAreText && !isRowsToFix(header.keys)) this.csv!.quotesAreText();
    for (const field of DATE_FIELDS) {
      const f = resolved.byField.get(field);
      if (f !== undefined) for (const c of resolved.columns[f]!) this.dateVotes.set(c, new DateOrderVote());
    }
  }

  row(fields: string[], line: number, quoted: boolean): void {
    if (this.state !== 'reading' || !this.resolved) return;
    this.rowsRead++;
    // A text guard holds quotes: a row from a line without one has none to unwrap.
    if (quoted) unguardTextCells(fields, this.readColumns);
    this.screen!.row(fields, line);
    if (this.warm) {
      this.warm.push({ fields, line });
      for (const [c, vote] of this.dateVotes) vote.add(fields[c] ?? '', line);
      // Rows wait until every date column's values have said which order they use, within reason.
      if (this.warm.length >= WARMUP_ROWS && (this.warm.length >= DATE_WARMUP_MAX_ROWS || [...this.dateVotes.values()].every((v) => v.decided)))
        this.finishWarmup();
      return;
    }
    this.grouper!.row(fields, line);
  }

  shortRow(fields: readonly string[], line: number): boolean {
    const rule = this.preset?.rowKinds;
    if (this.state !== 'reading' || !rule || !this.resolved) return false;
    const p = shortRowOfOtherKind(rule, this.resolved.header, fields, this.options.fileName, line);
    if (!p) return false;
    this.rowsRead++;
    this.problems.push(p);
    return true;
  }

  problem(line: number, code: RowProblemCode, reason: string, column?: number, columnName?: string): void {
    if (this.state !== 'reading') return;
    this.rowsRead++;
    const p: RowProblem = { file: this.options.fileName, line, code, reason };
    if (column !== undefined) p.column = column;
    if (columnName !== undefined) p.columnName = columnName;
    this.problems.push(p);
  }

  private finishWarmup(): void {
    if (!this.warm || !this.resolved || !this.preset) return;
    const rows = this.warm.map((w) => w.fields);
    const resolved = this.resolved;
    const options = this.preset.options;
    // The file's own amounts first: an export re-saved by a German spreadsheet writes `1.234,56` in a
    // format whose preset says `.`, and its `2.500` is then 2,500, not 2.5. The preset's mark, then
    // the delimiter's usual one, decide only where no amount of the first rows says.
    const decimalMark = voteDecimalMark(rows, resolved, AMOUNT_FIELDS) ?? options.decimalMark ?? (this.delimiter === ';' ? ',' : '.');
    let zone = timeZoneNamed(options.timeZone ?? 'UTC');
    if (!zone) {
      // Saved presets are checked when saved; this is a preset handed in without that check.
      this.messages.warn('unknown-time-zone', `the format's time zone ${timeZoneProblem(options.timeZone ?? '')}; times without an offset were read as UTC`);
      zone = UTC;
    }
    const unzoned = options.offsetsWritten ? timeWithoutOffset(this.warm, resolved) : null;
    if (unzoned) {
      const c = resolved.columns[resolved.byField.get('createdAt')!]![0]!;
      this.messages.warn(
        'time-without-offset',
        `${describeColumn(c + 1, resolved.header.names[c])} has times without their UTC offset (“${unzoned.value}”), which ${this.preset.label} files always write: a spreadsheet may have saved the file again. They were read as ${options.timeZone ?? 'UTC'}; if they are the shop's local time, import the original export, or map the file and choose its time zone`,
        unzoned.line,
        c + 1,
      );
    }
    const chosen = this.options.dateOrder ?? options.dateOrder;
    const settled: DateColumnOrder[] = [];
    for (const [c, vote] of this.dateVotes) {
      const s = vote.settle(chosen, 'DMY');
      if (s) settled.push({ column: c, name: resolved.header.names[c] ?? '', ...s });
    }
    // A column whose own values never said (a sparse dispute date, a month's first days) takes the
    // order another date column of the file settled by its values, not day-first by default.
    // Columns whose values disagree leave the others undecided: the rows' time zone is no tie-break.
    const told = fileDateOrder(settled) ?? (settled.some((d) => d.by === 'values') ? null : zoneDateOrder(this.warm, resolved, options.zoneNames));
    const dateOrders = new Map<number, DateOrder>();
    for (const d of settled) {
      const s = d.by === 'default' && told ? { ...d, ...told } : d;
      // Nothing said: not settled, so a later value that says is read as it says, and the dates
      // read day-first before it are named in a warning (BuildContext.dateOrderOf).
      if (s.by === 'default') continue;
      dateOrders.set(d.column, s.order);
      this.settledDates.push(s);
    }
    this.ctx = new BuildContext(
      this.options.fileName,
      this.preset,
      resolved,
      decimalMark,
      zone,
      this.messages,
      dateOrders,
      chosen ? { order: chosen, by: 'format' } : told,
    );
    this.ctx.orderHashesLater = this.options.orderHashesLater === true;
    if (this.options.referenceYear !== undefined) this.ctx.referenceYear = this.options.referenceYear;
    const builder: RecordBuilder = builderFor(this.preset.kind, this.ctx);
    this.grouper = new Grouper(this.ctx, builder, groupingOf(this.preset), this.screen!);
    const warm = this.warm;
    this.warm = null;
    // Id columns that hold card numbers are known before the first row is built (CardScreen.learn).
    this.screen!.learn(rows);
    for (const w of warm) this.grouper.row(w.fields, w.line);
  }

  /**
   * Date columns whose first short dates came after the warm-up (ISO or empty until then): the
   * order their values were read in, named on the import card like the others.
   */
  private lateDateOrders(): void {
    if (!this.ctx || !this.resolved) return;
    for (const [column, s] of this.ctx.lateDateOrders) this.settledDates.push({ column, name: this.resolved.header.names[column] ?? '', ...s });
  }

  private closingMessages(): void {
    if (!this.csv?.header) {
      this.messages.error('no-header', 'the file has no header row: it holds only blank lines');
      this.state = 'failed';
      return;
    }
    if (this.rowsRead === 0 && this.resolved) this.messages.warn('no-rows', `the file has a header (line ${this.csv.header.line}) but no data rows`);
    const report = this.decoder!.report();
    if (report.replaced > 0)
      this.messages.warn('invalid-utf8', `${report.replaced} byte sequences were not valid ${report.encoding.toUpperCase()} and were replaced with U+FFFD`);
    if (this.csv.blankLines > 0) this.messages.warn('blank-lines', `${this.csv.blankLines} blank lines were skipped`);
  }

  private batch(): ParsedBatch {
    const built = this.ctx ? this.ctx.take() : { records: [], problems: [] };
    const problems = this.problems.length === 0 ? built.problems : built.problems.length === 0 ? this.problems : this.problems.concat(built.problems);
    this.problems = [];
    return { records: built.records, problems, rowsRead: this.rowsRead, bytesRead: this.bytesRead };
  }
}

/**
 * `="00123"`: a text formula exports written for Excel put around ids, postcodes and phones so the
 * spreadsheet keeps their leading zeros. The value the file means is what is inside, `00123`.
 */
export function unguardTextCells(fields: string[], columns: readonly number[]): void {
  for (const i of columns) {
    const v = fields[i];
    if (v === undefined) continue;
    if (v.charCodeAt(0) !== 61 || v.charCodeAt(1) !== 34) continue;
    const end = v.trimEnd();
    if (end.length >= 3 && end.charCodeAt(end.length - 1) === 34 && end.indexOf('"', 2) === end.length - 1) fields[i] = end.slice(2, -1);
  }
}

/**
 * The order the rows' own time zones say, for a file whose dates never tell (a US PayPal download
 * of one month's first days: "5/4/2026" with "PDT"): month first when every zone named in the
 * warm-up is one of the United States', where dates are written so; null otherwise (Canada, Latin
 * America and the rest of the world write their dates in other orders, or several).
 */
/**
 * The first order time of the warm-up rows written with a time of day but no UTC offset
 * (`03.12.2026 10:00`, not `2026-12-03 10:00:00 +0100`), with its line; null when every one has
 * its offset or none has a time of day.
 */
export function timeWithoutOffset(
  warm: readonly { fields: string[]; line: number }[] | null,
  resolved: ResolvedMapping,
): { value: string; line: number } | null {
  const f = resolved.byField.get('createdAt');
  const columns = f === undefined ? [] : resolved.columns[f]!;
  if (!warm) return null;
  for (const w of warm)
    for (const c of columns) {
      const text = (w.fields[c] ?? '').trim();
      if (/\d:\d\d/.test(text) && !/(?:[+-]\d\d:?\d\d|Z|UTC|GMT)$/i.test(text)) return { value: text, line: w.line };
    }
  return null;
}

export function zoneDateOrder(
  warm: readonly { fields: string[]; line: number }[] | null,
  resolved: ResolvedMapping,
  zoneNames: Readonly<Record<string, string>> | undefined,
): SettledOrder | null {
  const f = resolved.byField.get('timeZone');
  const columns = f === undefined ? [] : resolved.columns[f]!;
  if (!warm || columns.length === 0) return null;
  let example: { value: string; line: number } | null = null;
  for (const w of warm) {
    for (const c of columns) {
      const text = (w.fields[c] ?? '').trim();
      if (text === '') continue;
      if (!US_ZONES.has(zoneNames?.[text.toUpperCase()] ?? text) && !US_ZONES.has(text.toUpperCase())) return null;
      example ??= { value: text, line: w.line };
    }
  }
  return example && { order: 'MDY', by: 'zone', example };
}

/** Time zones of the United States, as IANA names and as the abbreviations exports write. */
const US_ZONES: ReadonlySet<string> = new Set([
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Detroit',
  'America/Boise',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'Pacific/Honolulu',
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
  'EST',
  'EDT',
  'CST',
  'CDT',
  'MST',
  'MDT',
  'PST',
  'PDT',
  'AKST',
  'AKDT',
  'HST',
]);

/**
 * The order the file's own values settled, for columns whose values did not: the column settled
 * by the most values' say (the first such column on a tie); null when none was settled by values,
 * or when columns settled by values disagree (then nothing is taken from one for another).
 */
export function fileDateOrder(settled: readonly DateColumnOrder[]): SettledOrder | null {
  const byValues = settled.filter((d) => d.by === 'values');
  if (byValues.length === 0 || byValues.some((d) => d.order !== byValues[0]!.order)) return null;
  const d = byValues[0]!;
  return { order: d.order, by: 'file', ...(d.example ? { example: d.example } : {}), from: d.name };
}

/**
 * The preset as it reads a named own shop's file: its orders keyed and labelled by that shop, its
 * payments and disputes joined to that shop's orders. Marketplace orders (Amazon, Zalando) have
 * numbers unique across sellers and are read as they are.
 */
export function forShop(preset: FormatPreset, shop: string): FormatPreset {
  const o = preset.options;
  const name = cleanShopName(shop);
  if (preset.kind === 'orders')
    return (o.marketplace ?? 'shop') === 'shop' ? { ...preset, options: { ...o, source: shopSource(o.source, name), channel: name } } : preset;
  return o.orderSource ? { ...preset, options: { ...o, orderSource: shopSource(o.orderSource, name) } } : preset;
}
