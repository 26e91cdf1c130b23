// Before own-shop orders are written: would they change orders another file wrote, with another
// date, amount or currency? Then the import asks (same shop or another shop) and writes nothing
// until the analyst answers. Reads the file once more; only own-shop order files on a cache that
// holds orders pay for it.
import type { FormatPreset } from '../../../../shared/ingest/formats/preset';
import { ExportReader, type ParsedBatch, type ReaderOptions } from '../../../../shared/ingest/reader';
import { ShopClash, type OrderFacts, type ShopQuestion } from '../../../../shared/ingest/shops';
import { MetaRepository } from '../storage/metaRepository';
import { OrderKeyIndex, type OrderLocation } from '../storage/orderKeyIndex';
import { OrderRepository } from '../storage/orderRepository';
import type { WorkbenchDb } from '../storage/schema';

interface Candidate {
  incoming: OrderFacts;
  at: OrderLocation;
}

/** Marketplace order numbers are unique across sellers; payments and disputes carry no shop. */
const ownShopOrders = (preset: FormatPreset) => preset.kind === 'orders' && (preset.options.marketplace ?? 'shop') === 'shop';

export async function shopQuestion(
  db: WorkbenchDb,
  file: { name: string; chunks: AsyncIterable<Uint8Array> },
  options: Omit<ReaderOptions, 'fileName'>,
): Promise<ShopQuestion | null> {
  if ((await db.orderBlocks.count()) === 0) return null;
  const reader = new ExportReader({ ...options, fileName: file.name });
  let index: OrderKeyIndex | null = null;
  const candidates: Candidate[] = [];
  /** False once the file is known not to be own-shop orders; loads the index the first time it is. */
  const readable = async (): Promise<boolean> => {
    const preset = reader.info().preset;
    if (!preset) return true;
    if (!ownShopOrders(preset)) return false;
    index ??= await OrderKeyIndex.load(db);
    return true;
  };
  const visit = (batch: ParsedBatch) => {
    for (const r of batch.records) {
      if (r.kind !== 'order') continue;
      const at = index!.get(r.key);
      // The same content as stored (same scope and hash) cannot clash.
      if (!at || (at.scope === r.scope && at.hash === r.hash)) continue;
      const o = r.value;
      candidates.push({ incoming: { externalId: o.externalId, createdAt: o.createdAt, totalMinor: o.totalMinor, currency: o.currency }, at });
    }
  };
  for await (const chunk of file.chunks) {
    const batch = reader.push(chunk);
    if (!(await readable())) return null;
    visit(batch);
  }
  const last = reader.end();
  if (!reader.info().preset || !(await readable())) return null;
  visit(last);
  if (candidates.length === 0) return null;

  const clash = new ShopClash();
  const repository = new OrderRepository(db);
  const files = new Map<number, string>();
  const byBlock = new Map<number, Candidate[]>();
  for (const c of candidates) byBlock.set(c.at.blockId, [...(byBlock.get(c.at.blockId) ?? []), c]);
  for (const [blockId, list] of byBlock) {
    const { orders, importId } = await repository.readRows(
      blockId,
      list.map((c) => c.at.row),
    );
    if (!files.has(importId)) files.set(importId, importId ? ((await db.imports.get(importId))?.fileName ?? 'an earlier import') : 'the demo data');
    list.forEach((c, i) => clash.add(orders[i]!, files.get(importId)!, c.incoming));
  }
  return clash.question(file.name, (await new MetaRepository(db).get('shops')) ?? []);
}
