// Settings → Team: the signed-in account changes its own password. The team server checks the
// current one (wrong tries count toward the account's lock-out) and ends the account's other
// sessions; this laptop stays signed in.
import { useState } from 'react';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { SubmitForm } from '../../ui/SubmitForm';
import { useAsync } from '../../ui/useAsync';

/** As long as the team server asks (server/accounts/passwords.ts): said before the server is asked. */
const MIN_LENGTH = 12;

export function ChangePassword() {
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const change = useAsync(() => null, []);
  const problem =
    next && next.length < MIN_LENGTH
      ? `The new password needs at least ${MIN_LENGTH} characters.`
      : again && again !== next
        ? 'The two new passwords differ.'
        : next && next === current
          ? 'The new password is the current one.'
          : null;

  if (!open)
    return (
      <div className="toolbar">
        <button
          onClick={() => {
            setOpen(true);
            setDone(false);
          }}
        >
          Change password…
        </button>
        {done && (
          <span role="status" data-testid="password-changed">
            Password changed. Your other sessions (other laptops, other browsers) were signed out.
          </span>
        )}
      </div>
    );
  return (
    <SubmitForm
      className="inline-form"
      aria-labelledby="team-password-title"
      onSubmit={() =>
        void change.run(async () => {
          await cache.teamChangePassword(current, next);
          setCurrent('');
          setNext('');
          setAgain('');
          setOpen(false);
          setDone(true);
        })
      }
    >
      <h3 id="team-password-title">Change password</h3>
      <p className="muted">Your team account&apos;s password. Your other sessions (other laptops, other browsers) will be signed out; this one stays.</p>
      <label htmlFor="team-password-current">Current password</label>
      <input id="team-password-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      <label htmlFor="team-password-new">New password</label>
      <input id="team-password-new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      <label htmlFor="team-password-again">New password again</label>
      <input id="team-password-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      {problem && <p className="muted">{problem}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={!current || !next || again !== next || problem !== null || change.busy}>
          Change password
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorAlert message={change.error} />
    </SubmitForm>
  );
}
