// What the Imports screen may ask of the import worker: run files, cancel, the history, the
// quarantined rows, Undo. Plain data in and out across the worker boundary.
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { BUILT_IN_PRESETS, presetById } from '../../../../shared/ingest/formats/registry';
import { parseFormatPreset, type FormatPreset } from '../../../../shared/ingest/formats/preset';
import type { RowProblem } from '../../../../shared/ingest/problems';
import { ExportReader, SNIFF_BYTES } from '../../../../shared/ingest/reader';
import { sniff, type SniffResult } from '../../../../shared/ingest/sniff';
import { cleanShopName, shopKeyClash, shopNameProblem, type ShopChoice, type ShopQuestion } from '../../../../shared/ingest/shops';
import { shopQuestion } from './shopCheck';
import { rowsToFixFile, type RowsToFixFile } from '../../../../shared/ingest/rowsToFix';
import { ByteHasher } from '../../../../shared/ingest/contentHash';
import { noLineBreaksMessage } from '../../../../shared/ingest/lineEndings';
import type { DateColumnOrder, ReaderInfo } from '../../../../shared/ingest/reader';
import type { FileSummary } from '../../../../shared/ingest/summary';
import type { TextEncodingName } from '../../../../shared/ingest/decode';
import type { Delimiter } from '../../../../shared/ingest/delimiter';
import { MetaRepository } from '../storage/metaRepository';
import { isDiskFull, savingOrDiskFull } from '../storage/diskFull';
import { ImportHistory, type ImportEntry } from './importHistory';
import type { ReadWorker } from './readAhead';
import { startReadWorker } from './readWorker';
import { HeldRead } from './heldRead';
import { blobSource, failedSource, importRecords, type ImportControl, type ImportOutcome, type ImportProgress } from './importRunner';
import { defaultRunLocks, type RunLocks } from '../storage/runLocks';
import type { FileReading, WorkbenchDb } from '../storage/schema';
import { TeamStore } from '../storage/teamStore';
import { TeamOpCapture } from '../team/teamOpCapture';
import { TeamOrders, type TeamOrdersProgress, type TeamOrdersRound } from '../team/teamOrders';
import type { TeamOrdersCheck } from '../team/teamOrdersCheck';
import { httpTransport, type TeamTransport } from '../team/teamTransport';

export interface FormatChoice {
  id: string;
  label: string;
  kind: string;
}

export interface LayoutOverrides {
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  headerLine?: number;
  /** Payments: the column holding the order reference, instead of the preset's choice. */
  orderRefColumn?: string;
}

/** What a mapping would do to the first rows of a file, before anything is written. */
export interface MappingCheck {
  rows: number;
  records: number;
  quarantined: number;
  problems: RowProblem[];
  errors: string[];
  warnings: string[];
  /** The day/month order each date column would be read in, why, and the value that settled it. */
  dateOrders: DateColumnOrder[];
  /** How the value map reads the known-outcome column's values in those rows; null when it is not mapped. */
  knownOutcomes: ReaderInfo['knownOutcomes'];
}

/** Rows the wizard checks a mapping against: the file's first bytes, cut at a line end. */
const CHECK_BYTES = 256 * 1024;

/** A file not imported yet: its own-shop orders meet orders of the same numbers with other facts. */
export interface ImportQuestion {
  status: 'asks';
  file: string;
  question: ShopQuestion;
}

export type ImportResult = ImportOutcome | ImportQuestion;

/** An import as the history lists it, with what the team made of it when it is a team operation. */
export type ImportListEntry = ImportEntry & {
  team: { state: 'waiting' | 'shared' | 'duplicate' | 'refused'; by: string; mine: boolean; problem: string | null } | null;
};

export type FileProgressFn = (fileIndex: number, p: ImportProgress) => void;

export class ImportService {
  private control: ImportControl = { cancelled: false };
  private readonly history: ImportHistory;
  private readonly meta: MetaRepository;
  private readonly team: TeamOrders;
  /** Imports, undos and the team's operations change the cache one at a time. */
  private serial: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
    private readonly locks: RunLocks = defaultRunLocks(),
    private readonly transport: (origin: string) => TeamTransport = (o) => httpTransport(o),
    private readonly newId: () => string = () => crypto.randomUUID(),
    /** A worker to read each file in beside the writes (readAhead.ts); none reads it in this thread. */
    private readonly readWorker: () => ReadWorker | null = startReadWorker,
  ) {
    this.history = new ImportHistory(db, clock, locks);
    this.meta = new MetaRepository(db);
    this.team = new TeamOrders({ db, clock, locks, transport, newId });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.serial.then(work, work);
    this.serial = next.catch(() => undefined);
    return next;
  }

  /** The team's imports pulled and applied, this laptop's pushed (issue 16); nothing to do when signed out. */
  syncTeamOrders(onProgress?: (p: TeamOrdersProgress) => void): Promise<TeamOrdersRound> {
    return this.inTurn(() => this.team.sync(onProgress));
  }

  /** Does this laptop hold the team's orders? What it lacks, what it has alone, how many orders differ. */
  checkTeamOrders(): Promise<TeamOrdersCheck> {
    return this.inTurn(() => this.team.check());
  }

  /** While signed in to a team, an import keeps its records to share them (teamOpCapture.ts). */
  private async capture(): Promise<TeamOpCapture | null> {
    const store = new TeamStore(this.db);
    const session = await store.get('session');
    if (!session) return null;
    return new TeamOpCapture(this.db, this.newId(), { analyst: session.account.name, deviceId: await store.deviceId(this.newId) });
  }

  private async allPresets(): Promise<FormatPreset[]> {
    return [...BUILT_IN_PRESETS, ...((await this.meta.get('presets')) ?? [])];
  }

  async formats(): Promise<FormatChoice[]> {
    return (await this.allPresets()).map((p) => ({ id: p.id, label: p.label, kind: p.kind }));
  }

  /** The wizard's first look: encoding, delimiter, header row, preview, formats, suggestions. */
  async inspect(file: Blob, overrides: LayoutOverrides = {}): Promise<SniffResult> {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    return sniff(head, { wholeFile: file.size <= SNIFF_BYTES, presets: await this.allPresets(), previewRows: 8, ...overrides });
  }

  /** Runs a mapping over the file's first rows without writing anything. */
  async check(file: Blob, preset: FormatPreset, overrides: LayoutOverrides = {}): Promise<MappingCheck> {
    const parsed = parseFormatPreset(preset);
    if (!parsed.ok) throw new Error(`The mapping is not valid: ${parsed.error}`);
    let head = new Uint8Array(await file.slice(0, CHECK_BYTES).arrayBuffer());
    if (file.size > CHECK_BYTES) {
      const lastBreak = Math.max(head.lastIndexOf(10), head.lastIndexOf(13));
      if (lastBreak === -1)
        return {
          rows: 0,
          records: 0,
          quarantined: 0,
          problems: [],
          errors: [noLineBreaksMessage(head.length)],
          warnings: [],
          dateOrders: [],
          knownOutcomes: null,
        };
      head = head.subarray(0, lastBreak + 1);
    }
    const reader = new ExportReader({
      fileName: (file as File).name ?? 'file',
      preset: parsed.preset,
      ...overrides,
      referenceYear: new Date(this.clock.now()).getUTCFullYear(),
    });
    const a = reader.push(head);
    const b = reader.end();
    const info = reader.info();
    const problems = [...a.problems, ...b.problems];
    return {
      rows: info.rowsRead,
      records: a.records.length + b.records.length,
      quarantined: problems.length,
      problems: problems.slice(0, 50),
      errors: info.errors.map((e) => e.message),
      warnings: info.warnings.map((w) => w.message),
      dateOrders: info.dateOrders,
      knownOutcomes: info.knownOutcomes,
    };
  }

  /** Saves (or replaces, by id) a preset made in the wizard; it then detects like a built-in one. */
  async savePreset(preset: FormatPreset): Promise<void> {
    const parsed = parseFormatPreset(preset);
    if (!parsed.ok) throw new Error(`The mapping is not valid: ${parsed.error}`);
    if (BUILT_IN_PRESETS.some((p) => p.id === preset.id)) throw new Error('A built-in format already has this name');
    const saved = ((await this.meta.get('presets')) ?? []).filter((p) => p.id !== preset.id);
    const shop = parsed.preset.options.shop;
    if (shop) {
      const clash = shopKeyClash(shop, [...((await this.meta.get('shops')) ?? []), ...saved.flatMap((p) => (p.options.shop ? [p.options.shop] : []))]);
      if (clash) throw new Error(`Shop name: ${clash}`);
    }
    await savingOrDiskFull('the column mapping', () => this.meta.set('presets', [...saved, parsed.preset]));
  }

  /**
   * Imports the files one after another; `presetId` forces a format, otherwise it is detected.
   * Own-shop orders that would change orders another file wrote (other date, amount or currency)
   * are not written: the file's result is a question, asked again with `shop` answered.
   */
  run(files: File[], presetId: string | null, onProgress?: FileProgressFn, overrides: LayoutOverrides = {}, shop?: ShopChoice): Promise<ImportResult[]> {
    return this.inTurn(() => this.runFiles(files, presetId, onProgress, overrides, shop));
  }

  private async runFiles(
    files: File[],
    presetId: string | null,
    onProgress?: FileProgressFn,
    overrides: LayoutOverrides = {},
    shop?: ShopChoice,
  ): Promise<ImportResult[]> {
    await this.recover();
    this.control = { cancelled: false };
    const presets = await this.allPresets();
    const preset = presetId ? presetById(presetId, presets) : undefined;
    if (presetId && !preset) throw new Error(`No format named ${presetId}`);
    const named = shop?.shop != null ? cleanShopName(shop.shop) : null;
    if (named !== null) {
      const problem = shopNameProblem(named);
      if (problem) throw new Error(`Shop name: ${problem}`);
      const known = (await this.meta.get('shops')) ?? [];
      const clash = shopKeyClash(named, [...known, ...presets.flatMap((p) => (p.options.shop ? [p.options.shop] : []))]);
      if (clash) throw new Error(`Shop name: ${clash}`);
      if (!known.includes(named)) await savingOrDiskFull('the shop name', () => this.meta.set('shops', [...known, named].slice(-500)));
    }
    const outcomes: ImportResult[] = [];
    for (const [i, file] of files.entries()) {
      if (this.control.cancelled) break;
      // Two-digit years are read near the clock's year (31.12.99 is 1999), never the machine's.
      const options = {
        ...(preset ? { preset } : {}),
        presets,
        ...overrides,
        ...(named !== null ? { shop: named } : {}),
        referenceYear: new Date(this.clock.now()).getUTCFullYear(),
      };
      // The shop check reads the file first; the import takes the batches it read when they fit.
      const held = new HeldRead();
      // A check that fails (its read worker stopped, say) fails this file as an import that wrote
      // nothing, in the history with the reason; the run goes on to the next file.
      let checkFailed: Error | null = null;
      if (!shop?.update) {
        const read = blobSource(file, this.readWorker, options, this.control, held);
        let question: ShopQuestion | null = null;
        try {
          question = await shopQuestion(this.db, { name: file.name, size: file.size, source: read }, options, shop !== undefined, (p) => onProgress?.(i, p));
        } catch (e) {
          checkFailed = new Error(
            `The check of ${file.name} against the orders of other shops failed, so nothing of it was written: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        if (question) {
          outcomes.push({ status: 'asks', file: file.name, question });
          continue;
        }
        // Cancelled while the check read: nothing was written, and nothing is.
        if (this.control.cancelled) break;
      }
      const capture = await this.capture();
      // A full disk mid-file is an outcome (interrupted); before the file's record exists, an error.
      const outcome = await savingOrDiskFull(`the import of ${file.name}`, () =>
        importRecords(
          this.db,
          file,
          checkFailed
            ? failedSource(file.name, options, checkFailed)
            : (held.source(this.control, true) ?? blobSource(file, this.readWorker, options, this.control, undefined, true)),
          this.control,
          (p) => onProgress?.(i, p),
          this.clock,
          this.locks,
          capture ? { teamOpId: capture.opId, afterBatch: (b) => capture.add(b) } : {},
        ),
      );
      if (capture) {
        const format = outcome.summary.format;
        const orderSource = (format ? presetById(format, presets)?.options.orderSource : undefined) ?? 'shopify';
        await savingOrDiskFull(`the team copy of ${file.name}`, () =>
          capture.end(outcome, { fileName: file.name, shop: named, orderSource, at: this.clock.now() }),
        );
      }
      outcomes.push(outcome);
      if (shop && outcome.summary.format) await this.rememberShop(outcome.summary.format, named);
    }
    return outcomes;
  }

  /** The shop chosen for a file of this format, offered first when the next one asks. */
  private async rememberShop(format: string, shop: string | null): Promise<void> {
    const all = (await this.meta.get('presetShops')) ?? {};
    if (all[format] === (shop ?? '')) return;
    const kept = Object.fromEntries(Object.entries({ ...all, [format]: shop ?? '' }).slice(-1000));
    await savingOrDiskFull('the shop of the format', () => this.meta.set('presetShops', kept));
  }

  /** The file's header and its quarantined rows as written, for the analyst to correct and import again. */
  async rowsToFix(file: Blob, summary: FileSummary): Promise<RowsToFixFile> {
    if (summary.headerLine === null || summary.delimiter === null) throw new Error('The file has no header row to fix rows against');
    // A summary kept from before imports listed their card columns has none: [] (the problems still name some).
    const reading = { encoding: summary.encoding, delimiter: summary.delimiter, headerLine: summary.headerLine, cardColumns: summary.cardColumns ?? [] };
    return writeRowsToFix(await file.arrayBuffer(), reading, summary.format, summary.problems);
  }

  /**
   * The rows to fix of an import in the history, from its file chosen again: the history keeps
   * each quarantined row's problems, not the row. Only the file imported (its size and content
   * hash) has those rows on those lines; another gets `problem` back, and nothing is written.
   */
  async rowsToFixOf(importId: number, file: Blob): Promise<RowsToFixFile | { problem: string }> {
    const record = await this.db.imports.get(importId);
    if (!record?.readAs || record.quarantined === 0) throw new Error(`Import ${importId} has no rows to fix to write again`);
    const bytes = await file.arrayBuffer();
    // The hash of an import that stopped early covers only the bytes it read; the size is the whole file's.
    const whole = record.status === 'completed';
    if (bytes.byteLength !== record.fileSize || (whole && record.fileHash !== '' && hashOf(bytes) !== record.fileHash)) {
      return { problem: `its content is not that of ${record.fileName} as it was imported` };
    }
    return writeRowsToFix(bytes, record.readAs, record.format, await this.history.problems(importId));
  }

  cancel(): void {
    this.control.cancelled = true;
  }

  /**
   * Marks imports a crash or a closed tab cut off. Runs whenever the history is read: an
   * import another tab is running keeps its lock and stays running until it ends there.
   */
  async recover(): Promise<number> {
    try {
      return await this.history.recoverInterrupted();
    } catch (e) {
      // Too full to mark them now: the history still lists, and the next look tries again.
      if (isDiskFull(e)) return 0;
      throw e;
    }
  }

  /**
   * The history, newest first. The team sync lifts this laptop's unshared imports off and writes
   * them again above the team's (teamOrders.ts): each writing is a record, but the analyst made one
   * import, so an operation shows once, as its latest writing (the earlier ones are all undone).
   */
  async list(): Promise<ImportListEntry[]> {
    await this.recover();
    const [all, ops, deviceId] = await Promise.all([this.history.list(), this.db.teamOps.toArray(), new TeamStore(this.db).get('deviceId')]);
    const byId = new Map(ops.map((o) => [o.opId, o]));
    const shown = new Set<string>();
    const entries = all.filter((e) => {
      if (!e.teamOpId) return true;
      if (shown.has(e.teamOpId)) return false;
      shown.add(e.teamOpId);
      return true;
    });
    return entries.map((e) => {
      const op = e.teamOpId ? byId.get(e.teamOpId) : undefined;
      return { ...e, team: op ? { state: op.state, by: op.by, mine: op.deviceId === deviceId, problem: op.problem } : null };
    });
  }

  problems(importId: number): Promise<RowProblem[]> {
    return this.history.problems(importId);
  }

  /**
   * Undoes an import. A team import is undone for the whole team (the server must be reachable and
   * the role allowed); one made here and not shared yet is undone here and never sent.
   */
  undo(importId: number): Promise<void> {
    return this.inTurn(() =>
      savingOrDiskFull('the undo of the import', async () => {
        const entry = await this.db.imports.get(importId);
        const op = entry?.teamOpId ? await this.db.teamOps.get(entry.teamOpId) : undefined;
        if (op?.state === 'shared') return this.team.undoShared(op);
        await this.history.undo(importId);
        if (op) await this.team.forget(op.opId);
      }),
    );
  }
}

function hashOf(bytes: ArrayBuffer): string {
  const hasher = new ByteHasher();
  hasher.push(new Uint8Array(bytes));
  return hasher.digest();
}

/** Rows to fix from a file's bytes, read as the import read them (its encoding, header row, delimiter, format). */
function writeRowsToFix(bytes: ArrayBuffer, reading: FileReading, format: string | null, problems: readonly RowProblem[]): RowsToFixFile {
  const text = new TextDecoder(reading.encoding ?? 'utf-8').decode(bytes);
  const quotesAreText = format !== null && presetById(format)?.options.quotesAreText === true;
  return rowsToFixFile(text, reading.headerLine, reading.delimiter, problems, quotesAreText, reading.cardColumns);
}
