// Settings → Team, for an admin: the team's accounts with their roles and whether they may sign
// in, and Disable / Enable. Disabling ends the account's sessions at once; its claims stay for a
// lead to reassign. Adding accounts and passwords stays on the server (npm run server -- add-user).
import { mayManageAccounts } from '../../../../shared/team';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { useActions } from '../../ui/useAsync';
import { useCaseClaims } from './useCaseClaims';
import { useTeam } from './useTeamStatus';
import { showDateTime } from '../../../../shared/domain/money';

// UTC, as every other time the app shows.
const time = (at: number) => `${showDateTime(at)} UTC`;

export function TeamAccounts() {
  const status = useTeam((s) => s.status);
  const accounts = useCaseClaims((s) => s.accounts);
  const { run, busy, error } = useActions();
  const me = status?.account;
  if (!status?.signedIn || !me || !mayManageAccounts(me.role)) return null;
  const change = (name: string, disabled: boolean) =>
    run(async () => {
      await cache.setTeamAccountDisabled(name, disabled);
      await useCaseClaims.getState().refresh(useTeam.getState().status);
    });
  return (
    <section aria-labelledby="team-accounts-title">
      <h3 id="team-accounts-title">Team accounts</h3>
      {accounts === null ? (
        <p className="muted">Reading the team&apos;s accounts…</p>
      ) : (
        <table className="history team-accounts" aria-labelledby="team-accounts-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td>{a.role}</td>
                <td>{a.disabled ? 'disabled' : a.lockedUntil ? `locked until ${time(a.lockedUntil)}` : 'active'}</td>
                <td>
                  {a.name.toLowerCase() === me.name.toLowerCase() ? (
                    <span className="muted">you</span>
                  ) : (
                    <button disabled={busy} aria-label={`${a.disabled ? 'Enable' : 'Disable'} ${a.name}`} onClick={() => void change(a.name, !a.disabled)}>
                      {a.disabled ? 'Enable' : 'Disable'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">Disabling ends the account&apos;s sessions at once; its claims stay, for a lead to reassign.</p>
      <ErrorAlert message={error} />
    </section>
  );
}
