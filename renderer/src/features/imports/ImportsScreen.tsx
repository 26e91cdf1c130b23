// Imports: drop or choose export files, watch them stream in (rows, rows/s, ETA, Cancel),
// see where every row went, and undo the newest import from the history.
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import { formatCount } from '../../../../shared/domain/money';
import { cache, importer } from '../../core/client';
import type { ImportEntry, ImportOutcome, ImportProgress, FormatChoice, LayoutOverrides } from '../../core/contract';
import { platform } from '../../platform';
import { exportFile } from '../../app/exportFile';
import { useUi } from '../../state/uiStore';
import { ImportHistoryTable } from './ImportHistoryTable';
import { exportProblems, ImportSummaryCard } from './ImportSummaryCard';
import { MappingWizard } from './MappingWizard';

const FILE_FILTERS = [{ name: 'Exports', extensions: ['csv', 'txt', 'tsv', 'tab'] }];
/** How often the history is re-read while another tab's import runs. */
const FOLLOW_MS = 1000;

interface Running {
  files: string[];
  index: number;
  progress: ImportProgress | null;
  started: number;
  rate: number;
}

function eta(p: ImportProgress, started: number): string {
  const elapsed = (performance.now() - started) / 1000;
  if (p.bytes === 0 || elapsed < 1) return '';
  const left = ((p.totalBytes - p.bytes) / p.bytes) * elapsed;
  return left < 1 ? 'finishing' : `about ${Math.ceil(left)} s left`;
}

export function ImportsScreen() {
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [formats, setFormats] = useState<FormatChoice[]>([]);
  const [presetId, setPresetId] = useState('');
  const [orderRefColumn, setOrderRefColumn] = useState('');
  const [running, setRunning] = useState<Running | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [history, setHistory] = useState<ImportEntry[]>([]);
  const [confirmUndo, setConfirmUndo] = useState<ImportEntry | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [wizardFile, setWizardFile] = useState<File | null>(null);
  const [lastFiles, setLastFiles] = useState(new Map<string, File>());
  const startedRef = useRef(0);

  const refreshHistory = useCallback(async () => setHistory(await importer.list()), []);
  useEffect(() => {
    void importer.formats().then(setFormats);
    void refreshHistory();
  }, [refreshHistory]);

  // An import running in another tab or window: follow it here until it ends (completed, or
  // interrupted when that tab closes), then read the cache it changed.
  const elsewhere = running === null && history.some((e) => e.status === 'running');
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
  }, [elsewhere, history, cacheChanged]);

  async function run(files: File[], chosenPreset: string | null = presetId || null, overrides: LayoutOverrides = {}) {
    if (files.length === 0 || running) return;
    setLastFiles(new Map(files.map((f) => [f.name, f])));
    setMessage(null);
    setOutcomes([]);
    startedRef.current = performance.now();
    setRunning({ files: files.map((f) => f.name), index: 0, progress: null, started: startedRef.current, rate: 0 });
    try {
      const result = await importer.run(
        files,
        chosenPreset,
        Comlink.proxy((index: number, progress: ImportProgress) =>
          setRunning((r) => r && { ...r, index, progress, rate: progress.rows / Math.max(0.001, (performance.now() - r.started) / 1000) }),
        ),
        { ...(orderRefColumn.trim() ? { orderRefColumn: orderRefColumn.trim() } : {}), ...overrides },
      );
      setOutcomes(result);
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setRunning(null);
      await cache.reload();
      cacheChanged();
      await refreshHistory();
      setFormats(await importer.formats());
    }
  }

  async function undo(entry: ImportEntry) {
    setConfirmUndo(null);
    try {
      await importer.undo(entry.id);
      await cache.reload();
      cacheChanged();
      setMessage({ kind: 'ok', text: `Undid the import of ${entry.fileName}` });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    }
    await refreshHistory();
  }

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Imports</h1>
      </header>
      <div
        className={`dropzone${dragging ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void run(Array.from(e.dataTransfer.files));
        }}
      >
        <p className="lead">Drop Shopify, Amazon, Zalando, Stripe or Adyen exports here</p>
        <div className="actions">
          <button className="primary" disabled={running !== null} onClick={async () => run(await platform.openFiles({ title: 'Import exports', filters: FILE_FILTERS, multiple: true }))}>
            Choose files…
          </button>
          <button
            disabled={running !== null}
            onClick={async () => {
              const [f] = await platform.openFiles({ title: 'Map the columns of an export', filters: FILE_FILTERS, multiple: false });
              if (f) setWizardFile(f);
            }}
          >
            Map columns…
          </button>
          <label className="inline">
            Format
            <select aria-label="Format" value={presetId} onChange={(e) => setPresetId(e.target.value)} disabled={running !== null}>
              <option value="">Detect automatically</option>
              {formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="inline">
          Payments find their order by the column
          <input
            aria-label="Order reference column"
            list="order-ref-columns"
            placeholder="order_id (metadata), else Description"
            value={orderRefColumn}
            onChange={(e) => setOrderRefColumn(e.target.value)}
            disabled={running !== null}
            size={34}
          />
          <datalist id="order-ref-columns">
            <option value="order_id (metadata)" />
            <option value="Description" />
            <option value="Client Reference ID" />
            <option value="Merchant Reference" />
          </datalist>
        </label>
        <p className="muted">
          CSV or tab-separated, UTF-8, UTF-16 or Windows-1252. Card numbers are cut to BIN and last 4 on the way in; CVV columns are never stored.
        </p>
      </div>

      {running && (
        <div className="panel progress" role="status" aria-label="Import progress">
          <span>
            Importing {running.files[running.index]} ({running.index + 1} of {running.files.length})
          </span>
          <progress max={running.progress?.totalBytes ?? 1} value={running.progress?.bytes ?? 0} />
          {running.progress && (
            <span data-testid="import-progress">
              {formatCount(running.progress.rows)} rows · {formatCount(Math.round(running.rate))} rows/s · {eta(running.progress, running.started)}
            </span>
          )}
          <button onClick={() => importer.cancel()}>Cancel</button>
        </div>
      )}
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {wizardFile && (
        <MappingWizard
          file={wizardFile}
          onClose={() => setWizardFile(null)}
          onImport={(id, overrides) => {
            const f = wizardFile;
            setWizardFile(null);
            void run([f], id, overrides);
          }}
        />
      )}
      {outcomes.map((o) => (
        <ImportSummaryCard
          key={o.importId}
          outcome={o}
          onMap={o.summary.format === null && lastFiles.has(o.summary.file) ? () => setWizardFile(lastFiles.get(o.summary.file)!) : undefined}
          onFix={
            o.summary.problems.length > 0 && lastFiles.has(o.summary.file)
              ? async () => {
                  const csv = await importer.rowsToFix(lastFiles.get(o.summary.file)!, o.summary);
                  await exportFile({
                    kind: 'rows-to-fix',
                    suggestedName: `${o.summary.file.replace(/\.[^.]+$/, '')}-rows-to-fix.csv`,
                    filters: [{ name: 'CSV', extensions: ['csv'] }],
                    // UTF-8 with BOM so spreadsheet programs read umlauts right.
                    data: new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
                    rows: o.summary.quarantined,
                    what: `rows to fix of ${o.summary.file}`,
                  });
                }
              : undefined
          }
        />
      ))}

      <section className="panel wide" aria-labelledby="history-title">
        <h2 id="history-title">Import history</h2>
        <ImportHistoryTable
          entries={history}
          busy={running !== null}
          onUndo={setConfirmUndo}
          onProblems={async (e) => exportProblems(e.fileName, await importer.problems(e.id))}
        />
        {confirmUndo && (
          <div className="confirm" role="dialog" aria-label="Confirm undo">
            <p>
              Undo the import of <strong>{confirmUndo.fileName}</strong>? The {formatCount(confirmUndo.created)} rows it created are removed and the{' '}
              {formatCount(confirmUndo.updated)} it updated get their previous values back. The import stays in the history, marked undone.
            </p>
            <button className="primary" onClick={() => undo(confirmUndo)}>
              Undo import
            </button>
            <button onClick={() => setConfirmUndo(null)}>Cancel</button>
          </div>
        )}
      </section>
    </section>
  );
}
