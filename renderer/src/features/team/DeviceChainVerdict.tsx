// Verify, for a laptop in a team: this laptop's chain of team events checked link by link and
// against the head the server witnessed for it, and the teammates' chains that did not verify.
import type { DeviceChainCheck } from '../../core/contract';

export function DeviceChainVerdict({ check }: { check: DeviceChainCheck }) {
  const { local, server, brokenDevices } = check;
  const ok = local.ok && (server?.matches ?? true) && brokenDevices.length === 0;
  const parts = [
    local.ok ? `This laptop's team chain is intact (${local.seq} events)` : `This laptop's team chain is broken: ${local.reason}`,
    server === null ? 'the server could not be asked for its head' : server.matches ? `the server witnessed it up to event ${server.seq}` : server.reason,
    ...brokenDevices.map((d) => `laptop ${d.deviceId.slice(0, 8)}'s chain did not verify and is kept out: ${d.reason}`),
  ];
  return (
    <p role="status" data-testid="team-chain-verdict" className={ok ? 'ok' : 'error'}>
      {parts.join('; ')}.
    </p>
  );
}
