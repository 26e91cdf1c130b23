// The decision log as the analyst and compliance see it: every entry, "Verify log" against its own
// chain and the witnesses outside the database (the checkpoint file; any checkpoint, backup,
// decisions CSV or report PDF chosen with "Verify against a file…"), checkpoint downloads in browser
// mode with a reminder, and the decisions CSV for the order system.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { useRef, useState } from 'react';
import type { DecisionEntry } from '../../../../shared/decisions/chain';
import { archiveVerdictText, type ArchiveVerdict } from '../../../../shared/decisions/archive';
import { writeDecisionsCsv } from '../../../../shared/decisions/decisionsCsv';
import type { WitnessVerdict } from '../../../../shared/decisions/witness';
import { countOf, formatCount, showDateTime } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import type { DeviceChainCheck, LogVerdict } from '../../core/contract';
import { DeviceChainVerdict } from '../team';
import { exportFile, spreadsheetCsv } from '../../app/exportFile';
import { downloadCheckpoint, standingWitnesses, syncCheckpoint, witnessOf, type WitnessStatus } from '../../app/logWitness';
import { platform } from '../../platform';
import { ErrorAlert } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { useAsync } from '../../ui/useAsync';
import { MoreRows, useShownRows } from '../../ui/MoreRows';
import { logIntactText } from '../../ui/countWording';
import { useAskedAction } from '../../ui/useAskedAction';
import { DecisionArchiveSection } from './DecisionArchiveSection';

const WITNESS_FILTERS = [{ name: 'Checkpoint, backup, decisions CSV or report PDF', extensions: ['jsonl', 'fwbackup', 'csv', 'pdf'] }];

/** The log for the order system, oldest first; every entry's seq and hash make the file a witness too. */
function exportDecisions(log: readonly DecisionEntry[]): Promise<boolean> {
  const head = log.reduce((max, e) => Math.max(max, e.seq), 0);
  return exportFile({
    kind: 'decisions-csv',
    suggestedName: `decisions-${new Date().toISOString().slice(0, 10)}-to-entry-${head}.csv`,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: spreadsheetCsv(writeDecisionsCsv(log)),
    rows: log.length,
    what: `decision log entries 1 to ${head}`,
  });
}

function witnessText(v: WitnessVerdict): string {
  if (!v.ok) return `Differs from ${v.source}: ${v.reason}.`;
  const what = v.contents !== undefined ? `: the hashes and contents of its ${countOf(v.contents, 'entry', 'entries')}` : '';
  return `Matches ${v.source}${v.upTo ? ` (to entry ${formatCount(v.upTo)})` : ''}${what}.`;
}

function StatusLine({ status, onDownload }: { status: WitnessStatus | null; onDownload(): void }) {
  if (!status) return null;
  if (status.keeper === 'file') {
    return (
      <p className={status.problem ? 'error' : 'muted'} data-testid="checkpoint-status">
        {status.problem ??
          `Checkpoint file beside the app: the log is witnessed to entry ${formatCount(status.head.seq)}${status.updatedAt ? ` (${showDateTime(status.updatedAt)} UTC)` : ''}.`}
      </p>
    );
  }
  const last = status.lastDownload;
  return (
    <p className={status.due ? 'warning' : 'muted'} data-testid="checkpoint-status">
      {last
        ? `Last checkpoint downloaded ${showDateTime(last.at)} UTC at entry ${formatCount(last.seq)}; the log is at entry ${formatCount(status.logHead.seq)}.`
        : 'No checkpoint of the log downloaded yet.'}
      {status.due &&
        ` In browser mode the log's only witness outside this browser is a checkpoint you keep: download one (reminder after ${status.reminderDays} days).`}{' '}
      <button className="link" onClick={onDownload}>
        Download checkpoint
      </button>
    </p>
  );
}

const LOG_COLUMNS: Column<DecisionEntry>[] = [
  { header: '#', right: true, cell: (e) => e.seq },
  { header: 'Time (UTC)', cell: (e) => showDateTime(e.at) },
  { header: 'Order', cell: (e) => orderKeyLabel(e.orderKey) },
  { header: 'Decision', cell: (e) => e.decision },
  { header: 'Reason', cell: (e) => e.reasonCode },
  // A note is the analyst's own words, any length: it wraps rather than push the rules out of the panel.
  { header: 'Note', className: 'wrap-words', cell: (e) => (e.noteErased ? <em className="muted">erased on request</em> : e.note) },
  { header: 'Analyst', cell: (e) => e.analyst },
  { header: 'Score', right: true, cell: (e) => e.score ?? '' },
  { header: 'Matrix', cell: (e) => (e.matrixVersion ? `v${e.matrixVersion}` : '') },
  // Why the queue scored the order so when it was decided: the rules that fired, highest first.
  { header: 'Rules that fired', className: 'wrap', cell: (e) => firedText(e) },
];

/** Entries the log panel draws at first, and adds per "Show more". */
const LOG_PAGE = 100;

/**
 * The entries a Find in the log keeps: its order number (a leading `#` and spaces ignored, any part of
 * it), its order's shop, or the analyst's name, case ignored. Newest first, as the log is.
 */
export function findInLog(log: readonly DecisionEntry[], find: string): readonly DecisionEntry[] {
  const needle = find.trim().replace(/^#\s*/, '').toLowerCase();
  if (!needle) return log;
  return log.filter((e) => orderKeyLabel(e.orderKey).toLowerCase().includes(needle) || e.analyst.toLowerCase().includes(needle));
}

function firedText(e: DecisionEntry): string {
  return e.fired?.map((f) => f.text).join('; ') ?? '';
}

export function DecisionLogPanel({ log }: { log: DecisionEntry[] }) {
  const [find, setFind] = useState('');
  const listed = findInLog(log, find);
  const { shown, more } = useShownRows(LOG_PAGE, find.trim());
  const [verdict, setVerdict] = useState<LogVerdict | null>(null);
  const [fileVerdict, setFileVerdict] = useState<WitnessVerdict | null>(null);
  const [archiveVerdicts, setArchiveVerdicts] = useState<ArchiveVerdict[] | null>(null);
  const head = log[0]?.seq ?? 0;
  // A restore can leave a head of the same number on other entries: the archive is read again by number and hash.
  const logKey = `${head}:${log[0]?.hash ?? ''}`;
  // The log changed (a decision, an undo, a restore): the checkpoint file catches up.
  const checkpoint = useAsync(
    () => {
      setVerdict(null);
      setFileVerdict(null);
      setArchiveVerdicts(null);
      return syncCheckpoint();
    },
    [head],
    { keepStale: true },
  );
  const { value: status, setValue: setStatus, error, run: act } = checkpoint;
  const [teamCheck, setTeamCheck] = useState<DeviceChainCheck | null>(null);
  const verify = () =>
    act(async () => {
      setVerdict(await cache.verifyDecisionLog(await standingWitnesses()));
      // What restores set aside is checked too, each restore's entries as a chain of their own.
      setArchiveVerdicts(await cache.verifyDecisionArchive());
      // In a team, the device's chain of team events is checked too, against the server's head for it.
      setTeamCheck((await cache.teamStatus()).signedIn ? await cache.checkDeviceChain() : null);
    });
  // "Verify the decision log" chosen in the command palette: verify here, with the focus on the button that does it.
  const verifyButton = useRef<HTMLButtonElement>(null);
  useAskedAction('verify', () => {
    verifyButton.current?.focus();
    void verify();
  });
  const verifyAgainstFile = () =>
    act(async () => {
      const [file] = await platform.openFiles({ title: 'Verify the decision log against a file', filters: WITNESS_FILTERS, multiple: false });
      if (!file) return;
      const result = await cache.verifyDecisionLog([await witnessOf(file)]);
      setVerdict({ chain: result.chain, witnesses: [] });
      setFileVerdict(result.witnesses[0]!);
    });
  const download = () =>
    act(async () => {
      await downloadCheckpoint();
      setStatus(await syncCheckpoint());
    });

  const chain = verdict?.chain;
  return (
    <section className="panel wide" aria-label="Decision log">
      <header className="wizard-head">
        <h2>Decision log ({formatCount(log.length)})</h2>
        <span className="toolbar">
          <button ref={verifyButton} onClick={() => void verify()}>
            Verify log
          </button>
          <button onClick={() => void verifyAgainstFile()}>Verify against a file…</button>
          <button disabled={log.length === 0} onClick={() => void act(async () => void (await exportDecisions(log)))}>
            Export decisions (CSV)
          </button>
        </span>
      </header>
      <StatusLine status={status} onDownload={() => void download()} />
      <ErrorAlert message={error} />
      {chain && (
        <p role="status" data-testid="log-verdict" className={chain.ok ? 'ok' : 'error'}>
          {chain.ok ? logIntactText(chain.entries) : `Log broken at entry ${chain.seq}: ${chain.reason}.`}
        </p>
      )}
      {/* The chain alone cannot tell a rewrite with every hash recomputed: said whenever nothing outside was compared. */}
      {chain?.ok && verdict?.witnesses.length === 0 && !fileVerdict && (
        <p className="muted" data-testid="log-verdict-scope">
          Checked against itself only: a log rewritten with every hash recomputed passes this check too. Verify against a checkpoint, backup, decisions CSV or
          report PDF kept outside this cache to see a rewrite.
        </p>
      )}
      {archiveVerdicts?.map((v) => (
        <p key={`${v.restore.seq}:${v.restore.entry?.hash ?? ''}:${v.from}`} role="status" data-testid="archive-verdict" className={v.problem ? 'error' : 'ok'}>
          {archiveVerdictText(v)}
        </p>
      ))}
      {teamCheck && <DeviceChainVerdict check={teamCheck} />}
      {verdict?.witnesses.map((w) => (
        <p key={w.source} role="status" data-testid="witness-verdict" className={w.ok ? 'ok' : 'error'}>
          {witnessText(w)}
        </p>
      ))}
      {fileVerdict && (
        <p role="status" data-testid="witness-verdict" className={fileVerdict.ok ? 'ok' : 'error'}>
          {witnessText(fileVerdict)}
        </p>
      )}
      {log.length > 0 && (
        <>
          <div className="toolbar">
            <input
              className="search"
              type="search"
              aria-label="Find entries in the decision log"
              placeholder="Order number or analyst…"
              value={find}
              onChange={(e) => setFind(e.target.value)}
            />
            {find.trim() && (
              <span className="muted" role="status" data-testid="log-found">
                {countOf(listed.length, 'entry', 'entries')} of {formatCount(log.length)}
              </span>
            )}
          </div>
          <HistoryTable
            rows={listed.slice(0, shown)}
            columns={LOG_COLUMNS}
            rowKey={(e) => e.seq}
            label="Decisions"
            empty="No entry of the log names that order or analyst."
          />
          <MoreRows
            shown={shown}
            total={listed.length}
            page={LOG_PAGE}
            nouns="entries"
            which="the newest"
            after="the decisions CSV holds the whole log"
            onMore={more}
            testId="log-more"
          />
        </>
      )}
      <DecisionArchiveSection logKey={logKey} />
    </section>
  );
}
