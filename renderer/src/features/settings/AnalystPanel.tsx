// Who is deciding: the analyst's name every decision, verdict, change, snapshot and export is
// logged under, changed here after the first-run question.
import { useState } from 'react';
import { cache } from '../../core/client';
import { SaveStatus } from '../../app/Alerts';
import { useAsync } from '../../ui/useAsync';
import { SubmitForm } from '../../ui/SubmitForm';

export function AnalystPanel({ version }: { version: number }) {
  const [name, setName] = useState('');
  // "Saved." stays until the name is edited again: a greyed-out button alone did not say it went through.
  const [justSaved, setJustSaved] = useState(false);
  const saved = useAsync(
    async () => {
      const n = await cache.getAnalystName();
      setName(n);
      return n;
    },
    [version],
    { keepStale: true },
  );
  const save = () => {
    setJustSaved(false);
    return saved.run(async () => {
      const clean = await cache.setAnalystName(name);
      setName(clean);
      saved.setValue(clean);
      setJustSaved(true);
    });
  };
  const edit = (next: string) => {
    setName(next);
    setJustSaved(false);
  };
  return (
    <section className="panel" aria-labelledby="analyst-title">
      <h2 id="analyst-title">Analyst</h2>
      <SubmitForm className="inline-form" onSubmit={() => void save()}>
        <label htmlFor="analyst-name">
          Your name, written into every decision, verdict, change, snapshot and export you log (self-declared until a team server signs analysts in)
        </label>
        <div className="row">
          <input id="analyst-name" value={name} onChange={(e) => edit(e.target.value)} aria-label="Analyst name" />
          <button type="submit" disabled={name.trim() === saved.value}>
            Save
          </button>
          <SaveStatus saved={justSaved} error={saved.error} />
        </div>
      </SubmitForm>
    </section>
  );
}
