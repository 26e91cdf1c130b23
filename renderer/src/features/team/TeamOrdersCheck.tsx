// "Does this laptop hold the team's orders?" One button, and the answer in words: the team
// imports it lacks, its own not shared, and how many orders differ from the team's, named.
import { useState } from 'react';
import { formatCount } from '../../../../shared/domain/money';
import { importer } from '../../core/client';
import type { TeamOrdersCheck as Check } from '../../core/contract';
import { useAsync } from '../../ui/useAsync';

export function TeamOrdersCheck() {
  const [result, setResult] = useState<Check | null>(null);
  const action = useAsync(() => null, []);
  const check = () => action.run(async () => setResult(await importer.checkTeamOrders()));
  return (
    <div className="team-orders-check">
      <h3>Team orders</h3>
      <p className="muted">
        Imports made here while signed in are shared with the team, and the team’s imports are applied here in the order the server gives them.
      </p>
      <button onClick={() => void check()} disabled={action.busy}>
        Check this laptop against the team
      </button>
      {action.error && <p role="alert">{action.error}</p>}
      {result && <CheckAnswer check={result} />}
    </div>
  );
}

function CheckAnswer({ check }: { check: Check }) {
  const lines: string[] = [];
  for (const m of check.missing) lines.push(`Missing ${m.kind === 'undo' ? 'the undo of' : 'import'} ${m.fileName} (${m.by}).`);
  for (const n of check.notShared)
    lines.push(
      n.state === 'refused' ? `${n.fileName} is on this laptop only: ${n.problem ?? 'the team server refused it'}.` : `${n.fileName} waits to be shared.`,
    );
  if (check.comparedWith) {
    const after = `${check.comparedWith.kind === 'undo' ? 'the undo of ' : ''}${check.comparedWith.fileName}`;
    if (check.ordersDiffer === 0) lines.push(`The orders from team imports are exactly those ${check.comparedWith.by}’s laptop held after ${after}.`);
    else if (check.ordersDiffer === null) lines.push(`Too many orders differ from what ${check.comparedWith.by}’s laptop held after ${after} to count them.`);
    else
      lines.push(
        `${formatCount(check.ordersDiffer)} ${check.ordersDiffer === 1 ? 'order differs' : 'orders differ'} from what ${check.comparedWith.by}’s laptop held after ${after}` +
          (check.differingHere.length ? `: ${check.differingHere.join(', ')}.` : '.'),
      );
  } else if (check.latestSeq === 0) lines.push('The team has no imports yet.');
  const same = check.missing.length === 0 && check.ordersDiffer === 0;
  return (
    <div role="status" data-testid="team-orders-check" data-same={same ? 'yes' : 'no'}>
      <p>
        <strong>{same ? 'This laptop holds the team’s orders.' : 'This laptop does not hold the team’s orders as they are.'}</strong>
      </p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
