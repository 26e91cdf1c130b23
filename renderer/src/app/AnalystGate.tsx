// First run (clearing the cache keeps the name): who is deciding? Every decision, verdict, override,
// dispute change, snapshot and export is logged under this name, so nothing is accepted before it.
// In the desktop app the OS account is offered; the name is self-declared until a team server
// signs analysts in.
import { useState, type ReactNode } from 'react';
import { cache } from '../core/client';
import { platform } from '../platform';
import { useUi } from '../state/uiStore';
import { SubmitForm } from '../ui/SubmitForm';
import { useAsync } from '../ui/useAsync';
import { ErrorAlert } from './Alerts';
import { CacheOpening } from './CacheOpening';

export function AnalystGate({ children }: { children: ReactNode }) {
  const version = useUi((s) => s.cacheVersion);
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [name, setName] = useState('');
  const gate = useAsync(
    async () => {
      try {
        const [saved, info] = await Promise.all([cache.getAnalystName(), platform.appInfo()]);
        if (!saved.trim()) setName(info.account);
        return saved.trim() !== '';
      } catch {
        return true; // the cache cannot be read: the app says so on its own screens
      }
    },
    [version],
    { keepStale: true },
  );
  const known = gate.value;

  if (known === null)
    return (
      <main className="gate">
        <CacheOpening quiet />
      </main>
    );
  if (known) return <>{children}</>;
  return (
    <main className="gate">
      <SubmitForm
        className="panel"
        aria-labelledby="gate-title"
        onSubmit={() =>
          void gate.run(async () => {
            await cache.setAnalystName(name);
            cacheChanged();
          })
        }
      >
        <h1 id="gate-title">Who is deciding?</h1>
        <p>
          Your name goes into every decision, ring verdict, override, dispute change, report snapshot and export you make, in logs that cannot be rewritten
          unseen. It is self-declared on this computer until a team server signs analysts in.
        </p>
        <label htmlFor="gate-name">Your name</label>
        <div className="row">
          <input id="gate-name" value={name} autoFocus autoComplete="name" onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="primary" disabled={!name.trim()}>
            Continue
          </button>
        </div>
        <ErrorAlert message={gate.error} />
      </SubmitForm>
    </main>
  );
}
