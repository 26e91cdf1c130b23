// What a report's figures were computed from, in words for its title page: the cache, the imports,
// the logs, and with a team whose decisions count and which orders the team has not settled.
import { teamDecisionsThatStand } from '../../../../shared/team/standing';
import type { DatasetInfo } from '../storage/metaRepository';
import type { ImportRecord } from '../storage/schema';
import type { TeamDecisions } from '../team/teamDecisions';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Empty for a laptop alone; else whose decisions count, and the orders decided differently no lead resolved. */
export function teamLines(team: TeamDecisions): string[] {
  if (team.pulled === 0) return [];
  const out = [
    `This laptop's decision log and ${plural(team.pulled, 'decision')} pulled from ${plural(team.laptops, 'teammate laptop')} (verified chains of the team server), each order counted once by the decision that stands for the team: a lead's resolution, else the later decision`,
  ];
  const open = [...teamDecisionsThatStand(team.decisions).values()].filter((s) => s.conflict).length;
  if (open > 0) out.push(`${plural(open, 'order')} decided differently by the team and not resolved by a lead: counted by the later decision`);
  return out;
}

export function describeSources(input: {
  orders: number;
  dataset: DatasetInfo | undefined;
  imports: readonly ImportRecord[];
  disputes: number;
  team: TeamDecisions;
  confirmedRings: number;
  knownFraud: number;
}): string[] {
  const { dataset, imports, team } = input;
  const out = [`${input.orders.toLocaleString('en')} orders in the local cache`];
  if (dataset?.kind === 'demo') out.push(`demo data (seed ${dataset.seed ?? '-'}, loaded ${new Date(dataset.loadedAt).toISOString().slice(0, 10)})`);
  for (const i of imports.slice(-8))
    out.push(
      `import ${i.fileName} (${i.formatLabel ?? i.format ?? 'mapped'}, ${new Date(i.startedAt).toISOString().slice(0, 10)}, content hash ${i.fileHash.slice(0, 12)})`,
    );
  if (imports.length > 8) out.push(`and ${imports.length - 8} earlier imports`);
  const logEntries = team.decisions.length - team.pulled;
  out.push(
    `${input.disputes.toLocaleString('en')} disputes, ${logEntries.toLocaleString('en')} decision-log entries, ${input.confirmedRings} rings confirmed as fraud`,
  );
  out.push(...teamLines(team));
  if (input.knownFraud > 0) out.push(`${input.knownFraud.toLocaleString('en')} orders whose known outcome (from an imported file) is fraud`);
  return out;
}
