// "Managed by your organisation": the policy values IT deployed on this computer, or why
// the policy file was refused. Shows nothing when no policy is deployed (and in browser mode).
import { ErrorAlert } from '../../app/Alerts';
import { platform, type ManagedPolicyReading } from '../../platform';
import { useAsync } from '../../ui/useAsync';
import { managedPolicyRows } from './managedPolicyRows';

function useManagedPolicy(): ManagedPolicyReading | null {
  // Main reads and judges the policy file; a failed IPC call leaves the panel out, as with no policy.
  return useAsync(() => platform.managedPolicy().catch((): ManagedPolicyReading => ({ status: 'none' })), []).value;
}

export function ManagedPolicyPanel() {
  const reading = useManagedPolicy();
  if (reading === null || reading.status === 'none') return null;
  return (
    <section className="panel" aria-labelledby="managed-policy-title" data-testid="managed-policy">
      <h2 id="managed-policy-title">Managed by your organisation</h2>
      {reading.status === 'refused' ? (
        <>
          <ErrorAlert
            message={`The policy file ${reading.source} was refused and is ignored; the app uses its own defaults. Ask your IT administrator to correct:`}
          />
          <ul>
            {reading.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : (
        <PolicyValues reading={reading} />
      )}
    </section>
  );
}

function PolicyValues({ reading }: { reading: Extract<ManagedPolicyReading, { status: 'in-force' }> }) {
  const rows = managedPolicyRows(reading.policy);
  return (
    <>
      <p className="muted">Defaults your organisation set for this computer, in {reading.source}.</p>
      {rows.length === 0 ? (
        <p>The policy file sets no values.</p>
      ) : (
        <dl className="facts">
          {rows.map((row) => (
            <div key={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
