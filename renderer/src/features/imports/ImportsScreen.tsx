// Imports: drop or choose export files, watch them stream in (rows, rows/s, ETA, Cancel),
// see where every row went, and undo the newest import from the history.
import { offersMapping } from '../../../../shared/ingest/summary';
import { useState } from 'react';
import { formatCount } from '../../../../shared/domain/money';
import { DEFAULT_IMPORT_ROLES, DEFAULT_UNDO_IMPORT_ROLES, teamImportUndoOffer } from '../../../../shared/team';
import type { ImportProgress } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { ImportDropzone } from './ImportDropzone';
import { ImportHistoryTable } from './ImportHistoryTable';
import { ImportSummaryCard } from './ImportSummaryCard';
import { ShopQuestionCard } from './ShopQuestionCard';
import { MappingWizard } from './MappingWizard';
import { useImports, type Running } from './useImports';
import { useTeam } from '../team';
import { useCacheOverview } from '../../state/useCacheOverview';

function eta(p: ImportProgress, started: number): string {
  const elapsed = (performance.now() - started) / 1000;
  if (p.bytes === 0 || elapsed < 1) return '';
  const left = ((p.totalBytes - p.bytes) / p.bytes) * elapsed;
  return left < 1 ? 'finishing' : `about ${Math.ceil(left)} s left`;
}

/**
 * The cache holds the generated demo year: a real file imported now would sit beside it, and its
 * orders would link into demo rings, queue beside demo orders and count in the same reports.
 */
function DemoWarning() {
  const { overview } = useCacheOverview();
  const demo = overview?.dataset?.kind === 'demo' ? overview.dataset : null;
  if (!demo) return null;
  return (
    <p className="warning" role="note" data-testid="demo-warning">
      This cache holds the demo year ({formatCount(demo.orders)} generated orders). Files imported now are added beside them: their orders link into demo rings,
      queue beside demo orders and count in the same reports. To work on your own data only, clear the cache first in Settings:{' '}
      <a href="#/settings">Clear local cache…</a>
    </p>
  );
}

export function ImportsScreen() {
  const im = useImports();
  const [wizardFile, setWizardFile] = useState<File | null>(null);
  const { running, lastFiles } = im;
  const team = useTeam((s) => s.status);
  // The team's settings as read at sign-in (what the server checks), its defaults before any were read.
  const rights = team?.settings ?? { importRoles: [...DEFAULT_IMPORT_ROLES], undoImportRoles: [...DEFAULT_UNDO_IMPORT_ROLES] };
  const teamUndo = teamImportUndoOffer(team?.signedIn && team.account ? { role: team.account.role, rights } : null);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Imports</h1>
      </header>
      <DemoWarning />
      <ImportDropzone
        formats={im.formats}
        presetId={im.presetId}
        setPresetId={im.setPresetId}
        orderRefColumn={im.orderRefColumn}
        setOrderRefColumn={im.setOrderRefColumn}
        busy={running !== null}
        onFiles={(files) => void im.run(files)}
        onMap={setWizardFile}
      />
      {running && <ImportProgressPanel running={running} onCancel={im.cancel} />}
      {im.note && (
        <p className="ok" role="status">
          {im.note}
        </p>
      )}
      <ErrorAlert message={im.error} />
      {wizardFile && (
        <MappingWizard
          file={wizardFile}
          onClose={() => setWizardFile(null)}
          onImport={(id, overrides) => {
            setWizardFile(null);
            void im.run([wizardFile], id, overrides);
          }}
        />
      )}
      {im.outcomes.map((o) =>
        o.status === 'asks' ? (
          <ShopQuestionCard key={`asks:${o.file}`} asked={o} busy={running !== null} onAnswer={(choice) => im.answer(o.file, choice)} />
        ) : (
          <ImportSummaryCard
            key={o.importId}
            outcome={o}
            onMap={offersMapping(o.summary) && lastFiles.has(o.summary.file) ? () => setWizardFile(lastFiles.get(o.summary.file)!) : undefined}
            onFix={o.summary.problems.length > 0 && lastFiles.has(o.summary.file) ? () => void im.rowsToFix(o) : undefined}
          />
        ),
      )}

      <section className="panel wide" aria-labelledby="history-title">
        <h2 id="history-title">Import history</h2>
        <ImportHistoryTable
          entries={im.history}
          busy={running !== null}
          teamUndo={teamUndo}
          onUndo={(e) => void im.undo(e)}
          onProblems={(e) => void im.problems(e)}
          onRowsToFix={(e) => void im.rowsToFixOf(e)}
        />
        {im.historyNote &&
          (im.historyNote.ok ? (
            <p className="ok" role="status" data-testid="history-note">
              {im.historyNote.text}
            </p>
          ) : (
            <ErrorAlert message={im.historyNote.text} />
          ))}
      </section>
    </section>
  );
}

function ImportProgressPanel({ running, onCancel }: { running: Running; onCancel(): void }) {
  const checking = running.progress?.stage === 'checking';
  const waiting = running.progress?.stage === 'waiting';
  return (
    <div className="panel progress" role="status" aria-label="Import progress">
      <span>
        {checking ? 'Checking' : waiting ? 'Waiting to import' : 'Importing'} {running.files[running.index]} ({running.index + 1} of {running.files.length})
        {checking && <span className="muted"> against the orders of other shops, nothing written yet</span>}
        {waiting && <span className="muted"> until the import in another window has finished</span>}
      </span>
      <progress max={running.progress?.totalBytes ?? 1} value={running.progress?.bytes ?? 0} />
      {running.progress && (
        <span data-testid="import-progress">
          {formatCount(running.progress.rows)} rows{checking ? ' read' : ''} · {formatCount(Math.round(running.rate))} rows/s ·{' '}
          {eta(running.progress, running.started)}
        </span>
      )}
      <button onClick={onCancel}>Cancel</button>
    </div>
  );
}
