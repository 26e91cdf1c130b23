// One line under the navigation: who is signed in to the team, and whether the work is shared
// ("synced 14:05") or waiting ("offline since 14:02, 3 changes waiting, 1 file waiting").
import { formatCount } from '../../../../shared/domain/money';
import { useTeam } from './useTeamStatus';
import { formatDateTime } from '../../../../shared/domain/money';

// UTC, as every other time the app shows.
const time = (at: number) => `${formatDateTime(at).slice(11)} UTC`;

export function TeamSyncLine() {
  const status = useTeam((s) => s.status);
  const orders = useTeam((s) => s.orders);
  const teamImport = useTeam((s) => s.teamImport);
  if (!status?.signedIn || !status.account) return <div className="muted">offline</div>;
  const imports = orders?.waiting ? `, ${formatCount(orders.waiting)} ${orders.waiting === 1 ? 'import' : 'imports'} waiting` : '';
  const files = status.filesWaiting ? `, ${formatCount(status.filesWaiting)} ${status.filesWaiting === 1 ? 'file' : 'files'} waiting` : '';
  const waiting = (status.waiting ? `, ${formatCount(status.waiting)} ${status.waiting === 1 ? 'change' : 'changes'} waiting` : '') + files + imports;
  const state = status.offlineSince
    ? `offline since ${time(status.offlineSince)}${waiting}`
    : status.problem
      ? `not synced: ${status.problem}${waiting}`
      : status.lastSyncAt
        ? `synced ${time(status.lastSyncAt)}${waiting}`
        : `not synced yet${waiting}`;
  return (
    <div className="muted" data-testid="team-sync">
      Team: {status.account.name} ({status.account.role}) · {state}
      {orders?.problem ? ` · team imports: ${orders.problem}` : ''}
      {teamImport && (
        <span role="status" data-testid="team-import-progress">
          {' · '}
          {teamImport.phase === 'download'
            ? `fetching ${teamImport.by}'s import ${teamImport.fileName}: part ${formatCount(teamImport.done + 1)} of ${formatCount(teamImport.total)}`
            : teamImport.phase === 'apply'
              ? `writing ${teamImport.by}'s import ${teamImport.fileName}: ${formatCount(teamImport.rows)} rows (${formatCount(teamImport.records)} records)`
              : ''}
        </span>
      )}
    </div>
  );
}
