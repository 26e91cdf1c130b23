// First run (and after the cache is cleared): who is deciding? Every decision, verdict, override,
// dispute change, snapshot and export is logged under this name, so nothing is accepted before it.
// In the desktop app the OS account is offered; the name is self-declared until a team server
// signs analysts in.
import { useEffect, useState, type ReactNode } from 'react';
import { cache } from '../core/client';
import { platform } from '../platform';
import { useUi } from '../state/uiStore';
import { ErrorAlert } from './Alerts';

export function AnalystGate({ children }: { children: ReactNode }) {
  const version = useUi((s) => s.cacheVersion);
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [known, setKnown] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([cache.getAnalystName(), platform.appInfo()]).then(
      ([saved, info]) => {
        if (!live) return;
        setKnown(saved.trim() !== '');
        if (!saved.trim()) setName(info.account);
      },
      () => live && setKnown(true), // the cache cannot be read: the app says so on its own screens
    );
    return () => {
      live = false;
    };
  }, [version]);

  if (known === null) return null;
  if (known) return <>{children}</>;
  return (
    <main className="gate">
      <form
        className="panel"
        aria-labelledby="gate-title"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await cache.setAnalystName(name);
            cacheChanged();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <h1 id="gate-title">Who is deciding?</h1>
        <p>
          Your name goes into every decision, ring verdict, override, dispute change, report snapshot and export you make, in logs that
          cannot be rewritten unseen. It is self-declared on this computer until a team server signs analysts in.
        </p>
        <label htmlFor="gate-name">Your name</label>
        <div className="row">
          <input id="gate-name" value={name} maxLength={80} autoFocus autoComplete="name" onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="primary" disabled={!name.trim()}>
            Continue
          </button>
        </div>
        <ErrorAlert message={error} />
      </form>
    </main>
  );
}
