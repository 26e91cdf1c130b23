// Before own-shop orders are written: would they change orders another file wrote, with another
// date, amount or currency? Then the import asks (same shop or another shop) and writes nothing
// until the analyst answers. Reads the file once more; only own-shop order files on a cache that
// holds orders pay for it.
import { ORDER_TEXT_FIELDS, type OrderTextField } from '../../../../shared/domain/order';
import { ExportReader, type ParsedBatch, type ReaderOptions } from '../../../../shared/ingest/reader';
import { ShopClash, type OrderFacts, type ShopQuestion } from '../../../../shared/ingest/shops';
import { columnOffsets, decodeOrder } from '../../../../shared/orders/columns';
import { MetaRepository } from '../storage/metaRepository';
import { OrderKeyIndex, type OrderLocation } from '../storage/orderKeyIndex';
import type { WorkbenchDb } from '../storage/schema';

interface Candidate {
  incoming: OrderFacts;
  at: OrderLocation;
}

export async function shopQuestion(
  db: WorkbenchDb,
  file: { name: string; chunks: AsyncIterable<Uint8Array> },
  options: Omit<ReaderOptions, 'fileName'>,
): Promise<ShopQuestion | null> {
  if ((await db.orderBlocks.count()) === 0) return null;
  const reader = new ExportReader({ ...options, fileName: file.name });
  let index: OrderKeyIndex | null = null;
  const candidates: Candidate[] = [];
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
    const preset = reader.info().preset;
    if (preset) {
      // Marketplace order numbers are unique across sellers; payments and disputes carry no shop.
      if (preset.kind !== 'orders' || (preset.options.marketplace ?? 'shop') !== 'shop') return null;
      index ??= await OrderKeyIndex.load(db);
    }
    if (batch.records.length) visit(batch);
  }
  const last = reader.end();
  if (!reader.info().preset || reader.info().preset!.kind !== 'orders') return null;
  index ??= await OrderKeyIndex.load(db);
  visit(last);
  if (candidates.length === 0) return null;

  const clash = new ShopClash();
  const files = new Map<number, string>();
  const byBlock = new Map<number, Candidate[]>();
  for (const c of candidates) byBlock.set(c.at.blockId, [...(byBlock.get(c.at.blockId) ?? []), c]);
  for (const [blockId, list] of byBlock) {
    const [block, text] = await Promise.all([db.orderBlocks.get(blockId), db.orderText.get(blockId)]);
    if (!block || !text) continue;
    if (!files.has(block.importId))
      files.set(block.importId, block.importId ? ((await db.imports.get(block.importId))?.fileName ?? 'an earlier import') : 'the demo data');
    const offsets = {} as Record<OrderTextField, Uint32Array>;
    for (const f of ORDER_TEXT_FIELDS) offsets[f] = columnOffsets(text.columns[f], block.count);
    for (const c of list) clash.add(decodeOrder(block, c.at.row, text.columns, offsets, c.at.row), files.get(block.importId)!, c.incoming);
  }
  return clash.question(file.name, (await new MetaRepository(db).get('shops')) ?? []);
}
