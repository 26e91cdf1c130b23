// The idle lock: signed in to a team, the app covers itself after the team's idle time without
// input and asks for the password again (a new session), so an unattended laptop decides nothing.
// The lock is kept by the cache worker (a reload opens locked) and the app behind it is inert (App).
// It guards the team session: the password (checked at the server) or signing out of the team ends it.
// It is a ModalDialog with no cancel (Escape does nothing): shown in the top layer, it covers a
// dialog left open when it locked, which would otherwise stay over it and make it inert.
import { useEffect, useState } from 'react';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { IdleWatch, SharedInput, windowTimer, type IdleTimer } from '../../app/idleLock';
import { SubmitForm } from '../../ui/SubmitForm';
import { ModalDialog } from '../../ui/ModalDialog';
import { useAsync } from '../../ui/useAsync';
import { useTeam } from './useTeamStatus';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
const INPUT_CHANNEL = 'workbench-idle-input';

/** Whether the idle lock covers the app now: the window keeps every key and click from what is behind it. */
export function useIdleLocked(): boolean {
  return useTeam((s) => (s.status?.signedIn ?? false) && (s.lockedHere || (s.status?.locked ?? false)));
}

export function IdleLock({ timer = windowTimer }: { timer?: IdleTimer }) {
  const status = useTeam((s) => s.status);
  const locked = useIdleLocked();
  const [password, setPassword] = useState('');
  const unlock = useAsync(() => null, []);
  const minutes = status?.signedIn ? (status.settings?.idleLockMinutes ?? null) : null;

  useEffect(() => {
    if (minutes === null || locked) return;
    const watch = new IdleWatch(
      minutes * 60_000,
      () => {
        // Covered at once in the window, then kept by the worker so a reload stays locked.
        useTeam.setState({ lockedHere: true });
        void cache
          .teamLock()
          .then((status) => useTeam.setState({ status }))
          .catch(() => undefined);
      },
      timer,
    );
    // Input in another tab of the app (browser mode) keeps this one open too: one session, one analyst.
    const shared = new SharedInput(watch, typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(INPUT_CHANNEL), timer);
    const onInput = () => shared.local();
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true });
    return () => {
      watch.stop();
      shared.close();
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput);
    };
  }, [minutes, locked, timer]);

  if (!locked || !status?.account || !status.origin) return null;
  const { origin, account } = status;
  return (
    <ModalDialog label={`Locked after ${minutes} minutes without input`} className="idle-lock">
      <SubmitForm
        className="panel"
        onSubmit={() =>
          void unlock.run(async () => {
            await cache.teamSignIn(origin, account.name, password);
            setPassword('');
            await useTeam.getState().refresh();
            useTeam.setState({ lockedHere: false });
          })
        }
      >
        <h2 id="idle-lock-title">Locked after {minutes} minutes without input</h2>
        <p>Enter the password of {account.name} to go on.</p>
        <label htmlFor="idle-lock-password">Password</label>
        <input id="idle-lock-password" type="password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="primary" disabled={!password}>
          Unlock
        </button>
        <ErrorAlert message={unlock.error} />
        {/* The password is checked at the team server: where it cannot be reached (offline, the
            server moved) or the account is gone, signing out is the way back to this laptop's own
            work. The team session ends; signing in again needs the password. */}
        <p className="muted">Team server out of reach, or not {account.name}? Signing out ends the team session; this laptop&apos;s own work stays.</p>
        <button
          type="button"
          onClick={() =>
            void unlock.run(async () => {
              await cache.teamSignOut();
              setPassword('');
              await useTeam.getState().refresh();
              useTeam.setState({ lockedHere: false });
            })
          }
        >
          Sign out of the team
        </button>
      </SubmitForm>
    </ModalDialog>
  );
}
