// The mapping wizard for exports no preset knows: check the detected layout, map columns to
// fields (suggested by name), check the mapping on the first rows, save it as a named preset
// and import. Saved presets detect their files automatically next time.
import { ErrorAlert } from '../../app/Alerts';
import type { LayoutOverrides } from '../../core/contract';
import { FilePreview, LayoutBar, MappingCheckView, MappingTable, PresetBar } from './MappingParts';
import { useMappingWizard } from './useMappingWizard';

export function MappingWizard({ file, onImport, onClose }: { file: File; onImport(presetId: string, overrides: LayoutOverrides): void; onClose(): void }) {
  const w = useMappingWizard(file, onImport);
  const { sniffed, missing } = w;
  return (
    <section className="panel wizard" aria-label="Mapping wizard">
      <header className="wizard-head">
        <h2>Map the columns of {file.name}</h2>
        <button className="link" onClick={onClose} aria-label="Close the wizard">
          ✕
        </button>
      </header>
      {sniffed && <LayoutBar sniffed={sniffed} overrides={w.overrides} setOverrides={w.setOverrides} kind={w.kind} setKind={w.setKind} />}
      {sniffed &&
        sniffed.errors.map((e) => (
          <p key={e.code} className="error">
            {e.message}
          </p>
        ))}
      {sniffed && sniffed.columns.length > 0 && <FilePreview sniffed={sniffed} />}
      {sniffed && <MappingTable fields={w.fields} columns={sniffed.columns} mapping={w.mapping} setMapping={w.setMapping} />}
      <PresetBar details={w.details} setDetails={w.setDetails} kind={w.kind} />
      {missing.length > 0 && <p className="warn">Still to map: {missing.map((f) => f.label).join(', ')}</p>}
      <div className="actions">
        <button onClick={() => w.run(false)} disabled={!sniffed || missing.length > 0}>
          Check the first rows
        </button>
        <button className="primary" onClick={() => w.run(true)} disabled={!sniffed || missing.length > 0 || !w.details.name.trim()}>
          Save preset and import
        </button>
      </div>
      {w.check && <MappingCheckView check={w.check} />}
      <ErrorAlert message={w.error} />
    </section>
  );
}
