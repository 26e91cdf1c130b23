// Where the current version of every cached order lives, by upsert key (`source:externalId`),
// with the scope and hash it was written with: what an import compares each row against.
import { FIELD_SEPARATOR } from '../../../../shared/orders/columns';
import type { WorkbenchDb } from './schema';

export interface OrderLocation {
  blockId: number;
  row: number;
  scope: string;
  hash: string;
}

export class OrderKeyIndex {
  private readonly byKey = new Map<string, OrderLocation>();

  static async load(db: WorkbenchDb): Promise<OrderKeyIndex> {
    const index = new OrderKeyIndex();
    const [blocks, keys] = await Promise.all([db.orderBlocks.toArray(), db.orderKeys.toArray()]);
    const live = new Map(blocks.map((b) => [b.id, b.live]));
    for (const k of keys) {
      const alive = live.get(k.id);
      if (!alive) continue;
      const ks = k.keys.split(FIELD_SEPARATOR);
      const scopes = k.scopes.split(FIELD_SEPARATOR);
      const hashes = k.hashes.split(FIELD_SEPARATOR);
      for (let row = 0; row < ks.length; row++) {
        if (alive[row]) index.byKey.set(ks[row]!, { blockId: k.id, row, scope: scopes[row]!, hash: hashes[row]! });
      }
    }
    return index;
  }

  get(key: string): OrderLocation | undefined {
    return this.byKey.get(key);
  }

  set(key: string, at: OrderLocation): void {
    this.byKey.set(key, at);
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }

  get size(): number {
    return this.byKey.size;
  }
}
