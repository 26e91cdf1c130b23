// The live orders written by a set of imports, as (order key, stamp) pairs: what the team-orders
// digest covers; and every order key those imports wrote. Reads those imports' blocks only.
import { FIELD_SEPARATOR } from '../../../../shared/orders/columns';
import type { WorkbenchDb } from './schema';

export interface LiveOrderStamp {
  key: string;
  /** The scope and content hash the order was written with: equal stamps, equal orders. */
  stamp: string;
}

/** Every live order row whose block one of `importIds` wrote. */
export async function liveOrderStamps(db: WorkbenchDb, importIds: readonly number[]): Promise<LiveOrderStamp[]> {
  if (importIds.length === 0) return [];
  const blockIds = (await db.orderBlocks.where('importId').anyOf(importIds).primaryKeys()) as number[];
  const out: LiveOrderStamp[] = [];
  // A few hundred blocks at a time, so a 1M-order cache is never read in one piece.
  for (let i = 0; i < blockIds.length; i += 200) {
    const ids = blockIds.slice(i, i + 200);
    const [blocks, keys] = await Promise.all([db.orderBlocks.bulkGet(ids), db.orderKeys.bulkGet(ids)]);
    blocks.forEach((block, b) => {
      const k = keys[b];
      if (!block || !k) return;
      const ks = k.keys.split(FIELD_SEPARATOR);
      const scopes = k.scopes.split(FIELD_SEPARATOR);
      const hashes = k.hashes.split(FIELD_SEPARATOR);
      for (let r = 0; r < ks.length; r++) if (block.live[r] === 1) out.push({ key: ks[r]!, stamp: `${scopes[r] ?? ''}\u0000${hashes[r] ?? ''}` });
    });
  }
  return out;
}

/** Every order key the blocks of `importIds` hold, live or not (an order a later import replaced here too). */
export async function orderKeysWritten(db: WorkbenchDb, importIds: readonly number[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (importIds.length === 0) return keys;
  const blockIds = (await db.orderBlocks.where('importId').anyOf(importIds).primaryKeys()) as number[];
  for (let i = 0; i < blockIds.length; i += 200) {
    for (const k of await db.orderKeys.bulkGet(blockIds.slice(i, i + 200))) if (k) for (const key of k.keys.split(FIELD_SEPARATOR)) keys.add(key);
  }
  return keys;
}
