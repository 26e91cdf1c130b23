// Which import first wrote an order. A later import that rewrites an order (a payments file that
// adds its card and IP, an orders file that changes it) writes a new version and keeps the one it
// replaced, listed in its undo data: walking those back from the current version finds the file
// the order came from, not merely the last one that touched it.
import { FIELD_SEPARATOR } from '../../../../shared/orders/columns';
import type { WorkbenchDb } from '../storage/schema';

/** Where a version of an order was written: its block, and the import that wrote the block (0: the demo data). */
export interface OrderVersionAt {
  blockId: number;
  importId: number;
}

/**
 * Per order key, the import that created it (0 for the demo data). An import whose undo data is
 * gone counts as the one that created its version: nothing older can be found.
 */
export async function importsThatCreated(db: WorkbenchDb, current: ReadonlyMap<string, OrderVersionAt>): Promise<Map<string, number>> {
  const created = new Map<string, number>();
  let pending = new Map(current);
  const blockKeys = new Map<number, string[]>();
  const keysOf = async (blockIds: number[]) => {
    const missing = blockIds.filter((id) => !blockKeys.has(id));
    (await db.orderKeys.bulkGet(missing)).forEach((r, i) => blockKeys.set(missing[i]!, r ? r.keys.split(FIELD_SEPARATOR) : []));
  };
  // Each step goes to an older block (a version an import replaced was written before it): it ends.
  while (pending.size > 0) {
    const byImport = new Map<number, string[]>();
    for (const [key, at] of pending) byImport.set(at.importId, [...(byImport.get(at.importId) ?? []), key]);
    const older = new Map<string, number>();
    for (const [importId, keys] of byImport) {
      if (importId === 0) {
        for (const key of keys) created.set(key, 0);
        continue;
      }
      const pairs: number[] = [];
      for (const undo of await db.importUndo.where('importId').equals(importId).toArray()) pairs.push(...undo.supersededOrders);
      const blocks: number[] = [];
      for (let i = 0; i < pairs.length; i += 2) blocks.push(pairs[i]!);
      await keysOf([...new Set(blocks)]);
      const wanted = new Set(keys);
      for (let i = 0; i < pairs.length; i += 2) {
        const blockId = pairs[i]!;
        const key = blockKeys.get(blockId)?.[pairs[i + 1]!];
        // The newest version older than the one in hand (an import can rewrite an order it wrote itself, in a later batch).
        if (key === undefined || !wanted.has(key) || blockId >= pending.get(key)!.blockId) continue;
        if (blockId > (older.get(key) ?? -1)) older.set(key, blockId);
      }
      for (const key of keys) if (!older.has(key)) created.set(key, importId);
    }
    const blockIds = [...new Set(older.values())];
    const importOf = new Map((await db.orderBlocks.bulkGet(blockIds)).map((b, i) => [blockIds[i]!, b?.importId]));
    pending = new Map();
    for (const [key, blockId] of older) {
      const importId = importOf.get(blockId);
      if (importId === undefined) created.set(key, current.get(key)!.importId);
      else pending.set(key, { blockId, importId });
    }
  }
  return created;
}
