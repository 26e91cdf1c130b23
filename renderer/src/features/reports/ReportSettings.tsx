// What the reports are judged and valued by, as data the analyst edits: programme thresholds (dated,
// with their source) and the reporting currency with its conversion rates.
import { useState } from 'react';
import type { Programme, Threshold } from '../../../../shared/reports/programmes';
import { cache } from '../../core/client';
import type { ReportRates } from '../../core/contract';
import { SaveStatus } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { NumberField } from '../../ui/NumberField';
import { usePendingFields } from '../../ui/usePendingFields';
import { useAsync } from '../../ui/useAsync';
import { useRowsEditor } from '../../ui/useRowsEditor';

export function ThresholdsEditor({ onSaved }: { onSaved: () => void }) {
  const thresholds = useAsync(() => cache.programmeThresholds(), []);
  const { rows, saved, change, edit, save } = useRowsEditor(thresholds, (r) => cache.saveProgrammeThresholds(r), onSaved);
  const fields = usePendingFields();
  const error = thresholds.error;
  if (!rows) return <p className="muted">{error ?? 'Loading thresholds…'}</p>;
  const n = (i: number) => `of threshold ${i + 1}`;
  const columns: Column<Threshold>[] = [
    {
      header: 'Programme',
      cell: (t, i) => (
        <select aria-label={`Programme ${n(i)}`} value={t.programme} onChange={(e) => edit(i, { programme: e.target.value as Programme })}>
          <option value="visa-vamp">Visa VAMP</option>
          <option value="mastercard-ecm">Mastercard ECM</option>
        </select>
      ),
    },
    { header: 'Level', cell: (t, i) => <input aria-label={`Level ${n(i)}`} value={t.level} onChange={(e) => edit(i, { level: e.target.value })} size={10} /> },
    {
      header: 'Ratio %',
      right: true,
      cell: (t, i) => (
        <NumberField
          label={`Ratio ${n(i)}`}
          value={t.ratio * 100}
          min={0}
          max={100}
          step={0.01}
          onChange={(v) => v !== null && edit(i, { ratio: v / 100 })}
          onPending={fields.track(`ratio ${i}`)}
          style={{ width: 80 }}
        />
      ),
    },
    {
      header: 'Count',
      right: true,
      cell: (t, i) => (
        <NumberField
          label={`Count ${n(i)}`}
          value={t.count}
          integer
          min={0}
          onChange={(v) => v !== null && edit(i, { count: v })}
          onPending={fields.track(`count ${i}`)}
          style={{ width: 80 }}
        />
      ),
    },
    {
      header: 'From (YYYY-MM)',
      cell: (t, i) => (
        <input aria-label={`First month ${n(i)}`} value={t.effectiveFrom} onChange={(e) => edit(i, { effectiveFrom: e.target.value })} size={8} />
      ),
    },
    {
      header: 'Source',
      cell: (t, i) => <input aria-label={`Source ${n(i)}`} value={t.source} onChange={(e) => edit(i, { source: e.target.value })} size={40} />,
    },
    {
      header: null,
      headerLabel: 'Actions',
      cell: (_, i) => (
        <button className="link" onClick={() => change(rows.filter((_, j) => j !== i))}>
          Remove
        </button>
      ),
    },
  ];
  return (
    <section className="panel wide" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">Programme thresholds</h2>
      <p className="muted small">
        A month is judged by the thresholds in force from their month on. Add a row when a programme changes; keep the old one so earlier months stay judged as
        they were.
      </p>
      <HistoryTable rows={rows} columns={columns} rowKey={(_, i) => i} className="history edit-table" testId="thresholds" />
      <div className="actions" style={{ marginTop: 8 }}>
        <button
          onClick={() =>
            change([...rows, { programme: 'visa-vamp', level: '', ratio: 0.01, count: 0, effectiveFrom: new Date().toISOString().slice(0, 7), source: '' }])
          }
        >
          Add threshold
        </button>
        <button className="primary" disabled={fields.anyPending} onClick={() => void save()}>
          Save thresholds
        </button>
        {fields.anyPending && <span className="muted">A number above is not taken: correct it first (the field says why).</span>}
        <SaveStatus saved={saved} error={error} />
      </div>
    </section>
  );
}

/** `PLN 0.235` per line into a map, or the first line's problem. */
function parseRates(text: string): Record<string, number> | string {
  const parsed: Record<string, number> = {};
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const m = /^\s*([A-Za-z]{3})\s*[ =:]\s*([0-9.]+)\s*$/.exec(line);
    if (!m) return `Line ${n + 1}: write a currency code and a rate, e.g. "PLN 0.235"`;
    parsed[m[1]!.toUpperCase()] = Number(m[2]);
  }
  return parsed;
}

export function RatesEditor({ onSaved }: { onSaved: () => void }) {
  const [rates, setRates] = useState<ReportRates | null>(null);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const [based, setBased] = useState('');
  const show = (r: ReportRates) => {
    setRates(r);
    setBased(r.currency);
    setText(
      Object.entries(r.rates)
        .filter(([c]) => c !== r.currency)
        .map(([c, v]) => `${c} ${v}`)
        .join('\n'),
    );
  };
  const stored = useAsync(async () => {
    const r = await cache.reportRates();
    show(r);
    return r;
  }, []);
  const { error, setError, run } = stored;
  if (!rates) return <p className="muted">{error ?? 'Loading rates…'}</p>;
  /**
   * A new reporting currency re-expresses every rate in it (the old currency gets a line too), so
   * switching EUR to CHF and back loses nothing. Needs the new currency's rate in the list.
   */
  const rebase = () => {
    const to = rates.currency.trim().toUpperCase();
    const from = based;
    if (to === from || !/^[A-Z]{3}$/.test(to)) return;
    const lines = parseRates(text);
    if (typeof lines === 'string') return setError(lines);
    const via = lines[to];
    if (via === undefined) return setError(`Add a rate for ${to} first (how many ${from} one ${to} is worth), then switch to it`);
    const next: Record<string, number> = { [from]: +(1 / via).toPrecision(6) };
    for (const [c, r] of Object.entries(lines)) if (c !== to) next[c] = +(r / via).toPrecision(6);
    setError(null);
    setBased(to);
    setRates({ ...rates, currency: to });
    setText(
      Object.entries(next)
        .map(([c, r]) => `${c} ${r}`)
        .join('\n'),
    );
  };
  /** A changed reporting currency is re-expressed first; saved rates are shown as the service kept them. */
  const save = async () => {
    setError(null);
    setSaved(false);
    if (rates.currency.trim().toUpperCase() !== based) return rebase();
    const parsed = parseRates(text);
    if (typeof parsed === 'string') return setError(parsed);
    const kept = await run(() => cache.saveReportRates({ ...rates, rates: parsed }));
    if (!kept) return;
    show(kept);
    setSaved(true);
    onSaved();
  };
  return (
    <section className="panel" aria-labelledby="rates-title">
      <h2 id="rates-title">Reporting currency and rates</h2>
      <p className="muted small">
        Values of orders and chargebacks in other currencies convert at these rates; a currency without a rate is counted but left out of values, and the report
        says so.
      </p>
      <div className="inline-form">
        <label htmlFor="rep-currency">Reporting currency</label>
        <input id="rep-currency" value={rates.currency} onChange={(e) => setRates({ ...rates, currency: e.target.value })} onBlur={() => rebase()} />
        <label htmlFor="rep-rates">
          One line per currency: code and how many {based} one unit is worth (changing the reporting currency re-expresses them)
        </label>
        <textarea id="rep-rates" rows={6} value={text} onChange={(e) => setText(e.target.value)} className="mono" />
        <label htmlFor="rep-asof">Rates as of (YYYY-MM-DD)</label>
        <input id="rep-asof" value={rates.asOf} onChange={(e) => setRates({ ...rates, asOf: e.target.value })} />
        <label htmlFor="rep-source">Source</label>
        <input id="rep-source" value={rates.source} onChange={(e) => setRates({ ...rates, source: e.target.value })} />
      </div>
      <div className="actions" style={{ marginTop: 8 }}>
        <button className="primary" onClick={() => void save()}>
          Save rates
        </button>
        <SaveStatus saved={saved} error={error} />
      </div>
    </section>
  );
}
