// Where exports come in: dropped or chosen files, the format (detected unless chosen), the column
// payments find their order by, and "Map columns…" for a file no preset knows.
import { useState } from 'react';
import type { FormatChoice } from '../../core/contract';
import { platform } from '../../platform';
import { useAskedAction } from '../../ui/useAskedAction';

export const EXPORT_FILTERS = [{ name: 'Exports', extensions: ['csv', 'txt', 'tsv', 'tab'] }];

export function ImportDropzone({
  formats,
  presetId,
  setPresetId,
  orderRefColumn,
  setOrderRefColumn,
  busy,
  onFiles,
  onMap,
}: {
  formats: FormatChoice[];
  presetId: string;
  setPresetId(id: string): void;
  orderRefColumn: string;
  setOrderRefColumn(column: string): void;
  /** An import is running: nothing else starts. */
  busy: boolean;
  onFiles(files: File[]): void;
  onMap(file: File): void;
}) {
  const [dragging, setDragging] = useState(false);
  const choose = async () => onFiles(await platform.openFiles({ title: 'Import exports', filters: EXPORT_FILTERS, multiple: true }));
  // "Import files…" in the command palette: the file chooser opens here, as the button would.
  useAskedAction('import', () => !busy && void choose());
  return (
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
        onFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <p className="lead">Drop Shopify, Amazon, Zalando, Stripe, PayPal or Adyen exports here</p>
      <div className="actions">
        <button className="primary" disabled={busy} onClick={() => void choose()}>
          Choose files…
        </button>
        <button
          disabled={busy}
          onClick={async () => {
            const [f] = await platform.openFiles({ title: 'Map the columns of an export', filters: EXPORT_FILTERS, multiple: false });
            if (f) onMap(f);
          }}
        >
          Map columns…
        </button>
        <label className="inline">
          Format
          <select aria-label="Format" value={presetId} onChange={(e) => setPresetId(e.target.value)} disabled={busy}>
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
          placeholder="the format's own (see the tooltip)"
          title="Left empty, each format's own column is used: Stripe's order_id (metadata), else its Description; PayPal's Invoice Number; Adyen's Merchant Reference"
          value={orderRefColumn}
          onChange={(e) => setOrderRefColumn(e.target.value)}
          disabled={busy}
          size={40}
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
  );
}
