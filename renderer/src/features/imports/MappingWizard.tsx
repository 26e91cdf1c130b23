// The mapping wizard for exports no preset knows: check the detected layout, map columns to
// fields (suggested by name), check the mapping on the first rows, save it as a named preset
// and import. Saved presets detect their files automatically next time.
import { useEffect, useMemo, useState } from 'react';
import { MARKETPLACES, MARKETPLACE_LABEL, type Marketplace } from '../../../../shared/domain/order';
import { fieldsOf, RECORD_KINDS, type RecordKind } from '../../../../shared/ingest/fields';
import type { FormatPreset } from '../../../../shared/ingest/formats/preset';
import type { SniffResult } from '../../../../shared/ingest/sniff';
import { importer } from '../../core/client';
import type { LayoutOverrides, MappingCheck } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
const DELIMITER_LABEL: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const KIND_LABEL: Record<RecordKind, string> = { orders: 'Orders', payments: 'Payments', disputes: 'Disputes' };

function slug(name: string): string {
  return 'custom-' + name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

export function MappingWizard({ file, onImport, onClose }: { file: File; onImport(presetId: string, overrides: LayoutOverrides): void; onClose(): void }) {
  const [overrides, setOverrides] = useState<LayoutOverrides>({});
  const [sniffed, setSniffed] = useState<SniffResult | null>(null);
  const [kind, setKind] = useState<RecordKind>('orders');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [name, setName] = useState(file.name.replace(/\.[^.]+$/, ''));
  const [source, setSource] = useState('');
  const [marketplace, setMarketplace] = useState<Marketplace>('shop');
  const [currency, setCurrency] = useState('EUR');
  const [check, setCheck] = useState<MappingCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    importer.inspect(file, overrides).then(
      (r) => {
        if (!live) return;
        setSniffed(r);
        const best = [...RECORD_KINDS].sort((a, b) => r.suggestions[b].length - r.suggestions[a].length)[0]!;
        setKind((k) => (Object.keys(overrides).length ? k : best));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [file, overrides]);

  // Each time the kind or the columns change, start from the suggestions.
  useEffect(() => {
    if (!sniffed) return;
    setMapping(Object.fromEntries(sniffed.suggestions[kind].map((s) => [s.field, s.column])));
    setCheck(null);
  }, [sniffed, kind]);

  const fields = useMemo(() => fieldsOf(kind), [kind]);
  const missing = fields.filter((f) => f.required && !mapping[f.field] && !(f.requiredUnless && mapping[f.requiredUnless]));

  function preset(): FormatPreset {
    const used = Object.entries(mapping).filter(([, c]) => c);
    const markers = fields.filter((f) => f.required && mapping[f.field]).map((f) => mapping[f.field]!);
    return {
      id: slug(name),
      label: name.trim(),
      kind,
      markerColumns: markers.length ? markers : used.slice(0, 3).map(([, c]) => c),
      ...(overrides.delimiter ? { delimiter: overrides.delimiter } : {}),
      mapping: Object.fromEntries(used),
      options: { source: source.trim() || slug(name).slice(7), ...(kind === 'orders' ? { marketplace } : {}), defaultCurrency: currency },
    };
  }

  async function run(save: boolean) {
    setError(null);
    try {
      const p = preset();
      const result = await importer.check(file, p, overrides);
      setCheck(result);
      if (save && result.errors.length === 0) {
        await importer.savePreset(p);
        onImport(p.id, overrides);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section className="panel wizard" aria-label="Mapping wizard">
      <header className="wizard-head">
        <h2>Map the columns of {file.name}</h2>
        <button className="link" onClick={onClose} aria-label="Close the wizard">
          ✕
        </button>
      </header>
      {sniffed && (
        <div className="toolbar">
          <label className="inline">
            Encoding
            <select aria-label="Encoding" value={overrides.encoding ?? sniffed.encoding ?? 'utf-8'} onChange={(e) => setOverrides({ ...overrides, encoding: e.target.value as LayoutOverrides['encoding'] })}>
              {ENCODINGS.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
          <label className="inline">
            Delimiter
            <select aria-label="Delimiter" value={overrides.delimiter ?? sniffed.delimiter ?? ','} onChange={(e) => setOverrides({ ...overrides, delimiter: e.target.value as LayoutOverrides['delimiter'] })}>
              {Object.entries(DELIMITER_LABEL).map(([d, l]) => (
                <option key={l} value={d}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            Header on line
            <input aria-label="Header line" type="number" min={1} max={50} value={overrides.headerLine ?? sniffed.headerLine ?? 1} onChange={(e) => setOverrides({ ...overrides, headerLine: Number(e.target.value) })} />
          </label>
          <label className="inline">
            Rows are
            <select aria-label="Record kind" value={kind} onChange={(e) => setKind(e.target.value as RecordKind)}>
              {RECORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {sniffed && sniffed.errors.map((e) => <p key={e.code} className="error">{e.message}</p>)}
      {sniffed && sniffed.columns.length > 0 && (
        <div className="preview-scroll">
          <table className="preview" aria-label="Preview">
            <thead>
              <tr>
                <th>Line</th>
                {sniffed.columns.map((c, i) => (
                  <th key={i}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sniffed.preview.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  {sniffed.columns.map((_, i) => (
                    <td key={i}>{r.fields[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sniffed && (
        <table className="mapping" aria-label="Column mapping">
          <thead>
            <tr>
              <th>Field</th>
              <th>Column in the file</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field}>
                <td>
                  {f.label}
                  {f.required && <span className="required" title="required"> *</span>}
                </td>
                <td>
                  <select aria-label={f.label} value={mapping[f.field] ?? ''} onChange={(e) => setMapping({ ...mapping, [f.field]: e.target.value })}>
                    <option value="">— not in this file —</option>
                    {sniffed.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <label className="inline">
          Preset name
          <input aria-label="Preset name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </label>
        <label className="inline">
          Source
          <input aria-label="Source" value={source} placeholder={slug(name).slice(7)} onChange={(e) => setSource(e.target.value)} maxLength={60} />
        </label>
        {kind === 'orders' && (
          <label className="inline">
            Channel
            <select aria-label="Channel" value={marketplace} onChange={(e) => setMarketplace(e.target.value as Marketplace)}>
              {MARKETPLACES.map((m) => (
                <option key={m} value={m}>
                  {MARKETPLACE_LABEL[m]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline">
          Currency if missing
          <input aria-label="Default currency" value={currency} maxLength={3} size={4} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
        </label>
      </div>
      {missing.length > 0 && <p className="warn">Still to map: {missing.map((f) => f.label).join(', ')}</p>}
      <div className="actions">
        <button onClick={() => run(false)} disabled={!sniffed || missing.length > 0}>
          Check the first rows
        </button>
        <button className="primary" onClick={() => run(true)} disabled={!sniffed || missing.length > 0 || !name.trim()}>
          Save preset and import
        </button>
      </div>
      {check && (
        <div className="check" role="status" aria-label="Mapping check">
          <p>
            First {check.rows} rows: {check.records} {check.records === 1 ? 'record' : 'records'}, {check.quarantined} would be quarantined.
          </p>
          {[...check.errors, ...check.warnings].map((m, i) => (
            <p key={i} className={i < check.errors.length ? 'error' : 'warn'}>
              {m}
            </p>
          ))}
          {check.problems.length > 0 && (
            <ul>
              {check.problems.slice(0, 10).map((p, i) => (
                <li key={i}>
                  line {p.line}
                  {p.columnName ? `, ${p.columnName}` : ''}: {p.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
