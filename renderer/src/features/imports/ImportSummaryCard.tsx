// One file's import result: the four row buckets (which add up to the rows read), warnings,
// and the quarantined rows with file, line, column and reason, exportable as CSV.
import { formatCount } from '../../../../shared/domain/money';
import { toCsv } from '../../../../shared/export/csv';
import { maskedForDisplay } from '../../../../shared/ingest/cardScreen';
import { fileFailed } from '../../../../shared/ingest/summary';
import { misfitSentence } from '../../../../shared/orders/paymentFit';
import type { RowProblem } from '../../../../shared/ingest/problems';
import { ORDER_HASH_FIELDS } from '../../../../shared/ingest/records';
import { DateOrderList } from './DateOrderList';
import type { ImportOutcome } from '../../core/contract';
import { exportFile, spreadsheetCsv } from '../../app/exportFile';
import { ErrorAlert } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

const SHOWN_PROBLEMS = 200;

const PROBLEM_COLUMNS: Column<RowProblem>[] = [
  { header: 'Line', cell: (p) => p.line },
  { header: 'Column', cell: (p) => (p.columnName ? `${maskedForDisplay(p.columnName)} (${p.column})` : (p.column ?? '')) },
  { header: 'Reason', cell: (p) => maskedForDisplay(p.reason) },
];

/** The name the list of a file's quarantined rows is saved under. */
export const problemsFileName = (fileName: string) => `${fileName.replace(/\.[^.]+$/, '')}-quarantined-rows.csv`;

export function exportProblems(fileName: string, problems: readonly RowProblem[]): Promise<boolean> {
  const csv = toCsv(
    ['file', 'line', 'column', 'column name', 'code', 'reason'],
    problems.map((p) => [p.file, p.line, p.column ?? '', p.columnName ?? '', p.code, p.reason]),
  );
  return exportFile({
    kind: 'csv',
    suggestedName: problemsFileName(fileName),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: spreadsheetCsv(csv),
    rows: problems.length,
    what: `quarantined rows of ${fileName}`,
  });
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the rows became: "51 orders from 121 lines (51 new)", and how many of the new ones are work. */
function RecordsLine({ outcome }: { outcome: ImportOutcome }) {
  const s = outcome.summary;
  const parts = (['order', 'payment', 'dispute', 'claim'] as const)
    .map((kind) => {
      const r = s.records[kind];
      const total = r.created + r.updated + r.unchanged;
      if (total === 0) return null;
      const detail = [
        r.created && `${formatCount(r.created)} new`,
        r.updated && `${formatCount(r.updated)} updated`,
        r.unchanged && `${formatCount(r.unchanged)} unchanged`,
      ]
        .filter(Boolean)
        .join(', ');
      return `${plural(total, kind, `${kind}s`)} (${detail})`;
    })
    .filter(Boolean);
  if (parts.length === 0) return null;
  const { recent, history, windowDays } = outcome.review;
  return (
    <>
      <p data-testid="import-records">
        {parts.join(' · ')} from {plural(s.rows, 'line', 'lines')}
      </p>
      {recent + history > 0 && (
        <p data-testid="import-review-window">
          {plural(recent, 'new order', 'new orders')} from the last {windowDays} days {recent === 1 ? 'goes' : 'go'} to scoring for review
          {history > 0 && `; ${plural(history, 'older order is', 'older orders are')} kept as history, not queued`}.
        </p>
      )}
    </>
  );
}

/** Order fields as the analyst reads them, in ORDER_HASH_FIELDS' order. */
const ORDER_FIELD_WORDS: Record<(typeof ORDER_HASH_FIELDS)[number], string> = {
  source: 'source',
  externalId: 'order number',
  marketplace: 'marketplace',
  status: 'status',
  createdAt: 'order date',
  totalMinor: 'total',
  currency: 'currency',
  customerId: 'customer id',
  email: 'e-mail',
  phone: 'phone',
  shipName: 'ship-to name',
  shipStreet: 'street',
  shipPostcode: 'postcode',
  shipCity: 'city',
  shipCountry: 'ship-to country',
  billCountry: 'billing country',
  ip: 'IP',
  deviceId: 'device id',
  cardBin: 'card BIN',
  cardLast4: 'card last 4',
  cardExpiry: 'card expiry',
  cardFingerprint: 'card fingerprint',
  cardBrand: 'card brand',
  paymentMethod: 'payment method',
  riskLevel: 'risk level',
  cvcCheck: 'CVC check',
  avsPostcodeCheck: 'AVS postcode check',
  avsLine1Check: 'AVS address check',
  threeDs: '3-D Secure',
  channel: 'channel',
  knownOutcome: 'known outcome',
  sessionId: 'session id',
};

/**
 * What the updates changed, field by field, most often first: "Updated orders changed: status in
 * 300, e-mail in 12". Updated orders whose fields all read as before (the same values through
 * another report or format) are said too.
 */
function ChangedFieldsLine({ outcome }: { outcome: ImportOutcome }) {
  const updated = outcome.summary.records.order.updated;
  if (updated === 0) return null;
  const changed = ORDER_HASH_FIELDS.map((f) => [f, outcome.changedFields[f] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <p data-testid="import-changed">
      {changed.length === 0
        ? `The ${plural(updated, 'updated order', 'updated orders')} changed in no field this file has.`
        : `Updated orders changed: ${changed.map(([f, n]) => `${ORDER_FIELD_WORDS[f]} in ${formatCount(n)}`).join(', ')}.`}
    </p>
  );
}

/**
 * Of the quarantined rows, those that are another kind of row (a fee, a transfer, a currency
 * conversion among customer payments) need nothing fixed: said apart from those that do.
 */
function OtherKindsLine({ summary: s }: { summary: ImportOutcome['summary'] }) {
  const other = s.problems.filter((p) => p.code === 'other-row-kind').length;
  if (other === 0 || s.problemsTruncated) return null;
  const fix = s.quarantined - other;
  return (
    <p className="muted" data-testid="import-other-kinds">
      Of the {formatCount(s.quarantined)} quarantined, {formatCount(other)} {other === 1 ? 'is a row' : 'are rows'} of another kind (fees, transfers,
      conversions: nothing to fix){fix > 0 ? `; ${formatCount(fix)} ${fix === 1 ? 'needs' : 'need'} fixing.` : '.'}
    </p>
  );
}

export function ImportSummaryCard({ outcome, onMap, onFix }: { outcome: ImportOutcome; onMap?: () => void; onFix?: () => void }) {
  const s = outcome.summary;
  const accounted = s.created + s.updated + s.unchanged + s.quarantined;
  return (
    <section className="panel import-result" aria-label={`Import of ${s.file}`}>
      <h2>
        {s.file} <span className={`status status-${outcome.status}`}>{outcome.status}</span>
      </h2>
      <p className="muted">
        {s.formatLabel ?? 'Format not recognised'}
        {s.encoding && ` · ${s.encoding}`}
        {s.delimiter && ` · delimiter ${s.delimiter === '\t' ? 'tab' : `“${s.delimiter}”`}`}
        {` · ${formatCount(Math.round(s.bytes / 1024))} KB`}
      </p>
      <dl className="buckets" data-testid="import-buckets" aria-label="Rows of the file, by where they went">
        <div>
          <dt>Rows read</dt>
          <dd data-bucket="rows">{formatCount(s.rows)}</dd>
        </div>
        <div>
          <dt>Rows created</dt>
          <dd data-bucket="created">{formatCount(s.created)}</dd>
        </div>
        <div>
          <dt>Rows updated</dt>
          <dd data-bucket="updated">{formatCount(s.updated)}</dd>
        </div>
        <div>
          <dt>Rows unchanged</dt>
          <dd data-bucket="unchanged">{formatCount(s.unchanged)}</dd>
        </div>
        <div>
          <dt>Rows quarantined</dt>
          <dd data-bucket="quarantined">{formatCount(s.quarantined)}</dd>
        </div>
      </dl>
      {/* A file that failed before any row read no rows: its 0 = 0 is no success to show in green. */}
      <p className={accounted === s.rows && !fileFailed(s) ? 'ok' : 'error'} data-testid="import-reconciles">
        {fileFailed(s)
          ? 'Nothing was imported: the file could not be read as an export (see why below).'
          : accounted === s.rows
            ? `Every row accounted for: ${formatCount(s.created)} + ${formatCount(s.updated)} + ${formatCount(s.unchanged)} + ${formatCount(s.quarantined)} = ${formatCount(s.rows)}`
            : `Rows do not add up: ${formatCount(accounted)} accounted for, ${formatCount(s.rows)} read`}
      </p>
      <OtherKindsLine summary={s} />
      <RecordsLine outcome={outcome} />
      <ChangedFieldsLine outcome={outcome} />
      <DateOrderList list={s.dateOrders} testId="import-date-orders" />
      {outcome.enrichedOrders > 0 && (
        <p data-testid="import-enriched">
          {formatCount(outcome.enrichedOrders)} own-shop{' '}
          {outcome.enrichedOrders === 1 ? 'order took card and IP details from its payment' : 'orders took card and IP details from their payments'}.
        </p>
      )}
      {outcome.misfitPayments && (
        <p className="warn" data-testid="import-misfit-payments">
          {misfitSentence(outcome.misfitPayments.counts, outcome.misfitPayments.shopAsked, formatCount)}
        </p>
      )}
      {[...s.errors, ...s.warnings].length > 0 && (
        <ul className="messages">
          {s.errors.map((e, i) => (
            <li key={`e${i}`} className="error">
              {maskedForDisplay(e.message)}
              {e.line !== undefined && ` (line ${e.line})`}
            </li>
          ))}
          {s.warnings.map((w, i) => (
            <li key={`w${i}`} className="warn">
              {maskedForDisplay(w.message)}
              {w.count !== undefined && w.count > 1 && ` (${formatCount(w.count)} times)`}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={outcome.error} />
      {onMap && (
        <p>
          <button className="primary" onClick={onMap}>
            Map its columns…
          </button>
        </p>
      )}
      {s.problems.length > 0 && (
        <>
          <h3>
            Quarantined rows
            <button className="link" onClick={() => exportProblems(s.file, s.problems)}>
              Export as CSV
            </button>
            {onFix && (
              <button className="link" onClick={onFix}>
                Export rows to fix
              </button>
            )}
          </h3>
          <HistoryTable rows={s.problems.slice(0, SHOWN_PROBLEMS)} columns={PROBLEM_COLUMNS} rowKey={(_, i) => i} className="problems" />
          {s.problems.length > SHOWN_PROBLEMS && (
            <p className="muted">
              Showing the first {SHOWN_PROBLEMS} of {formatCount(s.quarantined)}; export the CSV for all{s.problemsTruncated ? ' that were kept' : ''}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
