// The deadline a dispute had when an outcome or a step was logged in the app, read from the undo
// data of the imports that wrote it since: what tells a provider reopening the case or raising a
// new stage (a later deadline) from a record merely written again (a comment row, a team re-apply)
// (standing.ts, disputesWithWorkflow).
import { disputesWithWorkflow, type DisputesWithWorkflow, type DueWhenLogged, type Imported, type WorkflowEvent } from '../../../../shared/disputes/standing';
import type { ImportRecord, WorkbenchDb } from '../storage/schema';

/**
 * The stored disputes that stand, each with the status its workflow log gives it, an outcome logged
 * in the app giving way to a case the provider reopened since (by the cache's imports): what the
 * Disputes screen and Reports both show.
 */
export async function disputesAsTheyStand<T extends Imported>(
  db: WorkbenchDb,
  stored: readonly T[],
  events: readonly WorkflowEvent[],
): Promise<DisputesWithWorkflow<T>> {
  const imports = await db.imports.toArray();
  const startedAt = new Map(imports.map((i) => [i.id!, i.startedAt]));
  return disputesWithWorkflow(stored, events, (id) => startedAt.get(id), await dueWhenLogged(db, imports, events));
}

export async function dueWhenLogged(db: WorkbenchDb, imports: readonly ImportRecord[], events: readonly WorkflowEvent[]): Promise<DueWhenLogged> {
  let since = Infinity;
  // An outcome (won, lost) an import may reopen, or a step (submitted, gathering evidence) a later
  // stage may call for again: what the case was due by when each was logged.
  for (const e of events) if (e.kind === 'status' && e.status !== undefined && e.at !== undefined) since = Math.min(since, e.at);
  // No status logged in the app: nothing for an import to reopen, and no undo data is read.
  if (since === Infinity) return () => undefined;
  const startedAt = new Map<number, number>();
  for (const i of imports) if (i.id !== undefined && i.startedAt > since) startedAt.set(i.id, i.startedAt);
  if (startedAt.size === 0) return () => undefined;
  // Per dispute, each later import that wrote it: when it began, and the deadline it replaced.
  const writes = new Map<string, { at: number; due: number | undefined }[]>();
  for (const undo of await db.importUndo
    .where('importId')
    .anyOf([...startedAt.keys()])
    .toArray()) {
    const at = startedAt.get(undo.importId)!;
    for (const { key, previous } of undo.disputes) {
      let list = writes.get(key);
      if (!list) writes.set(key, (list = []));
      list.push({ at, due: previous?.dueAt });
    }
  }
  for (const list of writes.values()) list.sort((a, b) => a.at - b.at);
  return (disputeId, at) => writes.get(disputeId)?.find((w) => w.at > at)?.due;
}
