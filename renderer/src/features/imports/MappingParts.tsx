// The mapping wizard's parts: the file's layout (encoding, delimiter, header line, record kind),
// its first rows, the field-to-column mapping, the preset's name and defaults, and the check.
import { maskedForDisplay } from '../../../../shared/ingest/cardScreen';
import { shopNameProblem } from '../../../../shared/ingest/shops';
import { MARKETPLACES, MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { CLAIM_KINDS, CLAIM_KIND_LABEL } from '../../../../shared/disputes/claims';
import { RECORD_KINDS, type FieldSpec, type RecordKind } from '../../../../shared/ingest/fields';
import type { SniffResult } from '../../../../shared/ingest/sniff';
import type { SingleByteEncoding } from '../../../../shared/ingest/decode';
import type { LayoutOverrides, MappingCheck } from '../../core/contract';
import { Choice } from '../../ui/Choice';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { NumberField } from '../../ui/NumberField';
import { DateOrderList } from './DateOrderList';
import { OutcomeMapList } from './OutcomeMapList';
import { slug, type PresetDetails } from './useMappingWizard';

const FALLBACK_NAME: Record<SingleByteEncoding, string> = {
  'windows-1252': 'Windows-1252',
  'windows-1250': 'Windows-1250',
  'iso-8859-2': 'ISO-8859-2',
  macintosh: 'Mac Roman (Excel for Mac)',
};

/** IANA zone names the browser knows, offered as the analyst types (any of them is read). */
const ZONE_NAMES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1250', 'iso-8859-2', 'macintosh'] as const;
const DELIMITERS = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
] as const;
const KIND_LABEL: Record<RecordKind, string> = { orders: 'Orders', payments: 'Payments', disputes: 'Disputes', claims: 'Refund claims' };

export function LayoutBar({
  sniffed,
  overrides,
  setOverrides,
  kind,
  setKind,
}: {
  sniffed: SniffResult;
  overrides: LayoutOverrides;
  setOverrides(o: LayoutOverrides): void;
  kind: RecordKind;
  setKind(k: RecordKind): void;
}) {
  return (
    <div className="toolbar">
      <Choice
        label="Encoding"
        value={overrides.encoding ?? sniffed.encoding ?? 'utf-8'}
        options={ENCODINGS.map((x) => [x, x] as const)}
        onChange={(encoding) => setOverrides({ ...overrides, encoding })}
      />
      {!sniffed.encodingSure && !overrides.encoding && (
        <span className="muted" data-testid="encoding-hint">
          The first bytes are plain ASCII: read as UTF-8 until a later byte says the file is {FALLBACK_NAME[sniffed.encodingFallback]}.
        </span>
      )}
      <Choice
        label="Delimiter"
        value={overrides.delimiter ?? sniffed.delimiter ?? ','}
        options={DELIMITERS}
        onChange={(delimiter) => setOverrides({ ...overrides, delimiter })}
      />
      <label className="inline">
        Header on line
        <NumberField
          label="Header line"
          integer
          min={1}
          max={50}
          value={overrides.headerLine ?? sniffed.headerLine ?? 1}
          onChange={(v) => v !== null && setOverrides({ ...overrides, headerLine: v })}
          style={{ width: 48 }}
        />
      </label>
      <Choice label="Rows are" name="Record kind" value={kind} options={RECORD_KINDS.map((k) => [k, KIND_LABEL[k]] as const)} onChange={setKind} />
    </div>
  );
}

type PreviewRow = SniffResult['preview'][number];

export function FilePreview({ sniffed }: { sniffed: SniffResult }) {
  const columns: Column<PreviewRow>[] = [
    { header: 'Line', cell: (r) => r.line },
    // The file's raw cells: a card number in any of them is shown reduced, as the import keeps it.
    ...sniffed.columns.map((c, i): Column<PreviewRow> => ({ header: maskedForDisplay(c), cell: (r) => maskedForDisplay(r.fields[i] ?? '') })),
  ];
  return (
    <div className="preview-scroll">
      <HistoryTable rows={sniffed.preview} columns={columns} rowKey={(r) => r.line} label="Preview" className="preview" />
    </div>
  );
}

export function MappingTable({
  fields,
  columns,
  mapping,
  setMapping,
}: {
  fields: readonly FieldSpec[];
  columns: string[];
  mapping: Record<string, string>;
  setMapping(m: Record<string, string>): void;
}) {
  const table: Column<FieldSpec>[] = [
    {
      header: 'Field',
      cell: (f) => (
        <>
          {f.label}
          {f.required && (
            <span className="required" title="required">
              {' '}
              *
            </span>
          )}
        </>
      ),
    },
    {
      header: 'Column in the file',
      cell: (f) => (
        // A column name is the file's own text: shown, and put in the page, with card numbers masked.
        <select
          aria-label={f.label}
          value={maskedForDisplay(mapping[f.field] ?? '')}
          onChange={(e) => setMapping({ ...mapping, [f.field]: columns.find((c) => maskedForDisplay(c) === e.target.value) ?? '' })}
        >
          <option value="">— not in this file —</option>
          {columns.map((c, i) => (
            <option key={i} value={maskedForDisplay(c)}>
              {maskedForDisplay(c)}
            </option>
          ))}
        </select>
      ),
    },
  ];
  return <HistoryTable rows={fields} columns={table} rowKey={(f) => f.field} label="Column mapping" className="mapping" />;
}

export function PresetBar({ details, setDetails, kind }: { details: PresetDetails; setDetails(d: PresetDetails): void; kind: RecordKind }) {
  const { name, source, marketplace, currency, dateOrder, timeZone } = details;
  return (
    <div className="toolbar">
      <label className="inline">
        Preset name
        <input aria-label="Preset name" value={name} onChange={(e) => setDetails({ ...details, name: e.target.value })} maxLength={100} />
      </label>
      <label className="inline">
        Source
        <input
          aria-label="Source"
          value={source}
          placeholder={slug(name).slice(7)}
          onChange={(e) => setDetails({ ...details, source: e.target.value })}
          maxLength={60}
        />
      </label>
      {kind === 'orders' && (
        <Choice
          label="Marketplace"
          value={marketplace}
          options={MARKETPLACES.map((m) => [m, MARKETPLACE_LABEL[m]] as const)}
          onChange={(m) => setDetails({ ...details, marketplace: m })}
        />
      )}
      {kind === 'orders' && marketplace !== 'shop' && (
        <label className="inline">
          Channel name
          <input
            aria-label="Channel name"
            value={details.channel}
            placeholder={MARKETPLACE_LABEL[marketplace]}
            title="Shown for these orders when the file has no sales-channel column: eBay.de, Otto, Kaufland"
            maxLength={60}
            size={14}
            onChange={(e) => setDetails({ ...details, channel: e.target.value })}
          />
        </label>
      )}
      {kind === 'orders' && marketplace === 'shop' && (
        <label className="inline">
          Shop name
          <input
            aria-label="Shop name"
            value={details.shop}
            placeholder="Own shop"
            title="For a second own shop (Outlet, the Austrian shop…): its orders are keyed apart from the other shops', so the same order numbers never merge, and nobody is asked which shop its files are from. Empty: the own shop."
            maxLength={60}
            size={14}
            onChange={(e) => setDetails({ ...details, shop: e.target.value })}
          />
          {details.shop.trim() && shopNameProblem(details.shop) && <span className="error">{shopNameProblem(details.shop)}</span>}
        </label>
      )}
      {kind === 'claims' && (
        <Choice
          label="Kind of claim"
          value={details.claimKind}
          options={[['', 'from the kind column'] as const, ...CLAIM_KINDS.map((k) => [k, CLAIM_KIND_LABEL[k]] as const)]}
          onChange={(k) => setDetails({ ...details, claimKind: k })}
        />
      )}
      <label className="inline">
        Currency if missing
        <input
          aria-label="Default currency"
          value={currency}
          maxLength={3}
          size={4}
          onChange={(e) => setDetails({ ...details, currency: e.target.value.toUpperCase() })}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={details.minorUnits} onChange={(e) => setDetails({ ...details, minorUnits: e.target.checked })} />
        Amounts in minor units (5000 is 50.00)
      </label>
      <Choice
        label="Short dates the file does not settle"
        name="Date order"
        value={dateOrder}
        options={[
          ['unsaid', 'not said (read day first, flagged as a guess)'],
          ['DMY', 'day first (18/4 reads as 18 April)'],
          ['MDY', 'month first (4/18 reads as 18 April)'],
        ]}
        onChange={(o) => setDetails({ ...details, dateOrder: o })}
      />
      <label className="inline">
        Times without an offset are in
        <input
          aria-label="Time zone"
          value={timeZone}
          placeholder="UTC"
          list="time-zone-names"
          size={16}
          maxLength={60}
          onChange={(e) => setDetails({ ...details, timeZone: e.target.value })}
        />
        <datalist id="time-zone-names">
          {ZONE_NAMES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
    </div>
  );
}

export function MappingCheckView({ check }: { check: MappingCheck }) {
  return (
    <div className="check" role="status" aria-label="Mapping check">
      <p>
        First {check.rows} rows: {check.records} {check.records === 1 ? 'record' : 'records'}, {check.quarantined} would be quarantined.
      </p>
      {[...check.errors, ...check.warnings].map((m, i) => (
        <p key={i} className={i < check.errors.length ? 'error' : 'warn'}>
          {maskedForDisplay(m)}
        </p>
      ))}
      <DateOrderList list={check.dateOrders} testId="check-date-orders" />
      <OutcomeMapList outcomes={check.knownOutcomes} />
      {check.problems.length > 0 && (
        <ul>
          {check.problems.slice(0, 10).map((p, i) => (
            <li key={i}>
              line {p.line}
              {p.columnName ? `, ${maskedForDisplay(p.columnName)}` : ''}: {maskedForDisplay(p.reason)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
