// The Imports screen's data and actions: the formats and the import history, the import running
// here (with progress) or in another tab (followed until it ends), its outcomes, and Undo.
import { useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import { cache, importer } from '../../core/client';
import type { ImportEntry, ImportOutcome, ImportProgress, ImportResult, LayoutOverrides } from '../../core/contract';
import type { ShopChoice } from '../../../../shared/ingest/shops';
import { exportFile, spreadsheetCsv } from '../../app/exportFile';
import { useUi } from '../../state/uiStore';
import { useActions, useAsync } from '../../ui/useAsync';
import { useTeam } from '../team';
import { exportProblems, problemsFileName } from './ImportSummaryCard';
import { EXPORT_FILTERS } from './ImportDropzone';
import { countOf } from '../../../../shared/domain/money';
import type { RowsToFixFile } from '../../../../shared/ingest/rowsToFix';
import { platform } from '../../platform';

/** How often the history is re-read while another tab's import runs. */
const FOLLOW_MS = 1000;

export interface Running {
  files: string[];
  index: number;
  progress: ImportProgress | null;
  started: number;
  rate: number;
}

export function useImports() {
  const cacheChanged = useUi((s) => s.cacheChanged);
  // A team sync round changes the history while this screen shows it: a teammate's import applied
  // or undone here (the cache changed), and one of ours shared, refused or still waiting.
  const version = useUi((s) => s.cacheVersion);
  const teamRound = useTeam((s) => s.orders);
  const formats = useAsync(() => importer.formats(), [], { keepStale: true });
  const history = useAsync(() => importer.list(), [version], { keepStale: true });
  const actions = useActions();
  const [presetId, setPresetId] = useState('');
  const [orderRefColumn, setOrderRefColumn] = useState('');
  const [running, setRunning] = useState<Running | null>(null);
  const [outcomes, setOutcomes] = useState<ImportResult[]>([]);
  /** How the files of the last run were read, so a question about one can be answered with the same settings. */
  const [lastRun, setLastRun] = useState<{ preset: string | null; overrides: LayoutOverrides }>({ preset: null, overrides: {} });
  const [note, setNote] = useState<string | null>(null);
  /** What an action on the history saved, or why it saved nothing: said under the history, where it was asked. */
  const [historyNote, setHistoryNote] = useState<{ ok: boolean; text: string } | null>(null);
  const cancelled = useRef(false);
  const [lastFiles, setLastFiles] = useState(new Map<string, File>());
  const entries = history.value ?? [];
  const sharing = entries.some((e) => e.team?.state === 'waiting');
  const { reload: reloadHistory } = history;
  useEffect(() => {
    if (sharing) void reloadHistory();
  }, [sharing, teamRound, reloadHistory]);

  // An import running in another tab or window: follow it here until it ends (completed, or
  // interrupted when that tab closes), then read the cache it changed.
  const elsewhere = running === null && entries.some((e) => e.status === 'running');
  const { setValue: setHistory } = history;
  useEffect(() => {
    if (!elsewhere) return;
    let live = true;
    const timer = setTimeout(async () => {
      const next = await importer.list();
      if (!live) return;
      setHistory(next);
      if (!next.some((e) => e.status === 'running')) {
        await cache.reload();
        cacheChanged();
      }
    }, FOLLOW_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [elsewhere, history.value, setHistory, cacheChanged]);

  /**
   * Imports `files`; with `answer`, re-runs one file held back by a shop question and replaces
   * that question with its outcome (the other files' results stay on screen).
   */
  async function run(files: File[], chosenPreset: string | null = presetId || null, overrides: LayoutOverrides = {}, answer?: ShopChoice) {
    if (files.length === 0 || running) return;
    cancelled.current = false;
    const names = new Set(files.map((f) => f.name));
    setLastFiles((m) => new Map([...(answer ? m : []), ...files.map((f) => [f.name, f] as const)]));
    setNote(null);
    if (!answer) {
      setOutcomes([]);
      setLastRun({ preset: chosenPreset, overrides });
    }
    const started = performance.now();
    setRunning({ files: files.map((f) => f.name), index: 0, progress: null, started, rate: 0 });
    const onProgress = Comlink.proxy((index: number, progress: ImportProgress) =>
      setRunning((r) => {
        if (!r) return r;
        // Rate and time left are of the stage running: a file's check, then its import, start afresh.
        const now = performance.now();
        if (r.progress && r.progress.stage !== progress.stage) return { ...r, index, progress, started: now, rate: 0 };
        return { ...r, index, progress, rate: progress.rows / Math.max(0.001, (now - r.started) / 1000) };
      }),
    );
    const result = await actions.run(() =>
      importer.run(files, chosenPreset, onProgress, { ...(orderRefColumn.trim() ? { orderRefColumn: orderRefColumn.trim() } : {}), ...overrides }, answer),
    );
    if (result) setOutcomes((prev) => (answer ? [...prev.filter((o) => !(o.status === 'asks' && names.has(o.file))), ...result] : result));
    // Files a cancel stopped before their import began (during the shop check, or still waiting) have no outcome.
    const untouched = result && cancelled.current ? files.filter((f) => !result.some((o) => (o.status === 'asks' ? o.file : o.summary.file) === f.name)) : [];
    if (untouched.length > 0) setNote(`Cancelled: nothing written for ${untouched.map((f) => f.name).join(', ')}`);
    setRunning(null);
    // Whatever happened, the cache, the history and the formats (a preset saved by the wizard) are read again.
    await cache.reload();
    cacheChanged();
    await history.reload();
    await formats.reload();
  }

  /** The analyst's answer to a shop question: import that file again, as the same or a named shop. */
  const answer = (file: string, choice: ShopChoice) => {
    const f = lastFiles.get(file);
    if (f) void run([f], lastRun.preset, lastRun.overrides, choice);
  };

  async function undo(entry: ImportEntry) {
    setNote(null);
    const undone = await actions.run(async () => {
      await importer.undo(entry.id);
      await cache.reload();
      cacheChanged();
      return true;
    });
    if (undone) setNote(`Undid the import of ${entry.fileName}`);
    await history.reload();
  }

  /** Saves rows to fix; what was saved (the file's name and how many rows it holds), or null when cancelled. */
  async function saveRowsToFix(fileName: string, made: RowsToFixFile): Promise<string | null> {
    const suggestedName = `${fileName.replace(/\.[^.]+$/, '')}-rows-to-fix.csv`;
    const saved = await exportFile({
      kind: 'rows-to-fix',
      suggestedName,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: spreadsheetCsv(made.csv),
      rows: made.rows,
      what: `rows to fix of ${fileName}`,
    });
    return saved ? `Saved ${suggestedName}: ${countOf(made.rows, 'row to fix', 'rows to fix')} of ${fileName}, each with its problem in the last column` : null;
  }

  /** The file's quarantined rows as they were, to fix in a spreadsheet and import again. */
  const rowsToFix = (o: ImportOutcome) =>
    actions.run(async () => {
      setNote(await saveRowsToFix(o.summary.file, await importer.rowsToFix(lastFiles.get(o.summary.file)!, o.summary)));
    });

  /**
   * The rows to fix of an import in the history. The history keeps the rows' problems, not the
   * rows: they are read again from the file, at hand while its import shows here, else chosen again.
   */
  const rowsToFixOf = (entry: ImportEntry) =>
    actions.run(async () => {
      setHistoryNote(null);
      const shown = outcomes.some((o) => o.status !== 'asks' && o.importId === entry.id);
      const file =
        (shown ? lastFiles.get(entry.fileName) : undefined) ??
        (await platform.openFiles({ title: `Choose ${entry.fileName} to write its rows to fix`, filters: EXPORT_FILTERS, multiple: false }))[0];
      if (!file) return;
      const made = await importer.rowsToFixOf(entry.id, file);
      if ('problem' in made) {
        const text = `No rows to fix written: the file chosen, ${file.name}, is not the one imported (${made.problem}). Choose that file as it was imported.`;
        setHistoryNote({ ok: false, text });
        return;
      }
      const saved = await saveRowsToFix(entry.fileName, made);
      if (saved) setHistoryNote({ ok: true, text: saved });
    });

  /** The list of an import's quarantined rows (line, column, reason), and what was saved. */
  const problems = (entry: ImportEntry) =>
    actions.run(async () => {
      setHistoryNote(null);
      const list = await importer.problems(entry.id);
      const saved = await exportProblems(entry.fileName, list);
      if (saved)
        setHistoryNote({
          ok: true,
          text: `Saved ${problemsFileName(entry.fileName)}: line, column and problem of ${countOf(list.length, 'quarantined row', 'quarantined rows')} of ${entry.fileName}`,
        });
    });

  return {
    formats: formats.value ?? [],
    history: entries,
    presetId,
    setPresetId,
    orderRefColumn,
    setOrderRefColumn,
    running,
    outcomes,
    lastFiles,
    note,
    historyNote,
    error: actions.error ?? history.error ?? formats.error,
    run,
    answer,
    undo,
    rowsToFix,
    rowsToFixOf,
    problems,
    cancel: () => {
      cancelled.current = true;
      void importer.cancel();
    },
  };
}
