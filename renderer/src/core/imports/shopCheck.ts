// Before own-shop records are written: which shop are they from, and would they change orders
// another file wrote, with another date, amount, currency or buyer? Either way the import asks and writes
// nothing until the analyst answers. Which shop is asked once the cache holds more than one own
// shop and the file (or its saved format) does not say; the clash check reads the whole file
// first, and only own-shop order files on a cache that holds orders pay for it (the import then
// takes the batches it read, heldRead.ts, instead of reading the file again).
import type { FormatPreset } from '../../../../shared/ingest/formats/preset';
import type { ParsedBatch, ReaderOptions } from '../../../../shared/ingest/reader';
import type { Order } from '../../../../shared/domain/order';
import { factsOf, onQuarterHour, ShopClash, type OrderFacts, type ShopQuestion, type WhichShopQuestion } from '../../../../shared/ingest/shops';
import { MetaRepository } from '../storage/metaRepository';
import { OrderKeyIndex, type OrderLocation } from '../storage/orderKeyIndex';
import { OrderRepository } from '../storage/orderRepository';
import type { WorkbenchDb } from '../storage/schema';
import type { ImportProgress, RecordSource } from './importRunner';
import { importsThatCreated, type OrderVersionAt } from './orderOrigin';

interface Candidate {
  key: string;
  incoming: OrderFacts;
  at: OrderLocation;
}

/** Marketplace order numbers are unique across sellers; own-shop numbers are not. */
const ownShopOrders = (preset: FormatPreset) => preset.kind === 'orders' && (preset.options.marketplace ?? 'shop') === 'shop';

/** Own-shop orders, or payments and disputes that join own-shop orders by their number. */
const ownShopRecords = (preset: FormatPreset) => ownShopOrders(preset) || (preset.kind !== 'orders' && preset.options.orderSource !== undefined);

/**
 * The question to ask before `file` is imported, or null. `chosen`: the analyst already said which
 * shop the file is from (in `options.shop`, or the own shop when that is absent). `file.source`
 * reads it with `options` (only when the cache holds orders), `onProgress` told after each batch;
 * a cancel stops the reading, null.
 */
export async function shopQuestion(
  db: WorkbenchDb,
  file: { name: string; size: number; source: RecordSource },
  options: Omit<ReaderOptions, 'fileName'>,
  chosen = false,
  onProgress?: (p: ImportProgress) => void,
): Promise<ShopQuestion | null> {
  if ((await db.orderBlocks.count()) === 0) return null;
  const meta = new MetaRepository(db);
  const shops = (await meta.get('shops')) ?? [];
  const source = file.source;
  let index: OrderKeyIndex | null = null;
  let which: WhichShopQuestion | null = null;
  const candidates: Candidate[] = [];
  /** False once the file needs no clash check (not own-shop orders, or a shop to ask first); loads the index the first time it does. */
  const readable = async (): Promise<boolean> => {
    const preset = source.info().preset;
    if (!preset) return true;
    if (!ownShopRecords(preset)) return false;
    if (!chosen && shops.length > 0 && !options.shop && !preset.options.shop) {
      const remembered = (await meta.get('presetShops'))?.[preset.id];
      which = {
        kind: 'which',
        file: file.name,
        format: { id: preset.id, label: preset.label, records: preset.kind },
        shops: [...shops],
        ...(remembered !== undefined ? { remembered: remembered === '' ? null : remembered } : {}),
      };
      return false;
    }
    if (!ownShopOrders(preset)) return false;
    index ??= await OrderKeyIndex.load(db);
    return true;
  };
  /** Some order of the file is placed off a quarter hour: its times tell orders apart (ShopClash). */
  let timed = false;
  const visit = (batch: ParsedBatch) => {
    for (const r of batch.records) {
      if (r.kind !== 'order') continue;
      if (!timed && !onQuarterHour(r.value.createdAt)) timed = true;
      const at = index!.get(r.key);
      // The same content as stored (same scope and hash) cannot clash.
      if (!at || (at.scope === r.scope && at.hash === r.hash)) continue;
      candidates.push({ key: r.key, incoming: factsOf(r.value), at });
    }
  };
  // Leaving the loop early ends the reading (and its read worker).
  for await (const batch of source.batches) {
    if (!(await readable())) return which;
    visit(batch);
    onProgress?.({
      stage: 'checking',
      rows: batch.rowsRead,
      bytes: batch.bytesRead,
      totalBytes: file.size,
      created: 0,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
    });
  }
  if (source.cancelled() || !source.info().preset) return which;
  if (candidates.length === 0) return null;

  const clash = new ShopClash(!timed);
  const repository = new OrderRepository(db);
  const byBlock = new Map<number, Candidate[]>();
  for (const c of candidates) byBlock.set(c.at.blockId, [...(byBlock.get(c.at.blockId) ?? []), c]);
  const stored: { key: string; order: Order; incoming: OrderFacts }[] = [];
  const versions = new Map<string, OrderVersionAt>();
  for (const [blockId, list] of byBlock) {
    const { orders, importId } = await repository.readRows(
      blockId,
      list.map((c) => c.at.row),
    );
    list.forEach((c, i) => {
      stored.push({ key: c.key, order: orders[i]!, incoming: c.incoming });
      versions.set(c.key, { blockId, importId });
    });
  }
  // The file the orders came from: a payments file imported since rewrote them with their card
  // details, and naming it would send the analyst to the wrong file.
  const createdBy = await importsThatCreated(db, versions);
  const files = new Map<number, string>();
  for (const importId of new Set(createdBy.values()))
    files.set(importId, importId ? ((await db.imports.get(importId))?.fileName ?? 'an earlier import') : 'the demo data');
  for (const { key, order, incoming } of stored) clash.add(order, files.get(createdBy.get(key)!)!, incoming);
  return clash.question(file.name, options.shop ?? source.info().preset?.options.shop ?? null, shops);
}
