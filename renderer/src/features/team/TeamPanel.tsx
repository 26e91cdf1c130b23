// Settings → Team: the team server this app may talk to (set by the organisation: the CSP lets
// nothing else through), sign in with name and password, sign out, and how the sync stands.
import { TeamOrdersCheck } from './TeamOrdersCheck';
import { useState } from 'react';
import { readTeamOrigin } from '../../../../shared/team/origin';
import { cache } from '../../core/client';
import { platform } from '../../platform';
import { ErrorAlert } from '../../app/Alerts';
import { useUi } from '../../state/uiStore';
import { SubmitForm } from '../../ui/SubmitForm';
import { useAsync } from '../../ui/useAsync';
import { ChangePassword } from './ChangePassword';
import { TeamAccounts } from './TeamAccounts';
import { TeamSyncLine } from './TeamSyncLine';
import { useTeam } from './useTeamStatus';

/** The origin typed, checked against the one configured: the app may not talk to any other. */
export function originProblem(typed: string, configured: string | null): string | null {
  if (configured === null)
    return 'No team server is configured for this app: your IT sets teamServer.origin in the managed policy (browser mode: serve.mjs --team-origin).';
  const read = readTeamOrigin(typed);
  if (!read.ok) return `The address ${read.reason}.`;
  if (read.origin !== configured) return `This app may talk only to ${configured}, the team server your organisation configured.`;
  return null;
}

export function TeamPanel() {
  const status = useTeam((s) => s.status);
  const cacheChanged = useUi((s) => s.cacheChanged);
  const [typed, setTyped] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const configured = useAsync(() => platform.teamServerOrigin(), []);
  const origin = typed ?? status?.origin ?? configured.value ?? '';
  const action = useAsync(() => null, []);

  const signIn = () =>
    action.run(async () => {
      const problem = originProblem(origin, configured.value);
      if (problem) throw new Error(problem);
      await cache.teamSignIn(origin, name, password);
      setPassword('');
      await useTeam.getState().syncNow();
      cacheChanged();
    });
  const signOut = () =>
    action.run(async () => {
      await cache.teamSignOut();
      await useTeam.getState().refresh();
      cacheChanged();
    });

  return (
    <section className="panel" aria-labelledby="team-title">
      <h2 id="team-title">Team</h2>
      {status?.signedIn && status.account ? (
        <>
          <p data-testid="team-account">
            Signed in to {status.origin} as <strong>{status.account.name}</strong> ({status.account.role}). Everything you log is under this name; it is shared
            with the team whenever the server can be reached.
          </p>
          <TeamSyncLine />
          <p className="muted">
            {status.settings ? `The app locks after ${status.settings.idleLockMinutes} minutes without input.` : ''} This laptop is device{' '}
            {status.deviceId?.slice(0, 8)}.
          </p>
          <div className="toolbar">
            <button onClick={() => void useTeam.getState().syncNow()}>Sync now</button>
            <button onClick={() => void signOut()}>Sign out</button>
          </div>
          <ChangePassword />
          <TeamOrdersCheck />
          <TeamAccounts />
        </>
      ) : (
        <SubmitForm className="inline-form" onSubmit={() => void signIn()}>
          <p className="muted">
            {configured.value
              ? 'Sign in to share decisions, ring verdicts and claims with your team. The app talks to this server and nowhere else.'
              : 'No team server is configured: the app works alone and makes no network calls.'}
          </p>
          <label htmlFor="team-origin">Team server</label>
          <input id="team-origin" value={origin} onChange={(e) => setTyped(e.target.value)} placeholder="https://workbench.example.com" />
          <label htmlFor="team-name">Name</label>
          <input id="team-name" value={name} autoComplete="username" onChange={(e) => setName(e.target.value)} />
          <label htmlFor="team-password">Password</label>
          <input id="team-password" type="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
          <div className="row">
            <button type="submit" className="primary" disabled={!name.trim() || !password || action.busy}>
              Sign in
            </button>
          </div>
        </SubmitForm>
      )}
      <ErrorAlert message={action.error ?? configured.error} />
    </section>
  );
}
