// Writes the bench's import input: the seeded demo orders as a Shopify orders export
// (shared/demo/shopifyExport.ts), the shape the import issue measures, streamed to disk so 1M rows
// never sit in memory. `rows` counts data rows, not orders: 1M rows hold about 667k orders.
import { generateDemo } from '../shared/demo';
import { SHOPIFY_HEADER, shopifyItemsOf, shopifyOrderRows } from '../shared/demo/shopifyExport';
import { writeCsvFile } from './csvFile';

/** Writes `rows` data rows: the last order has as many items as there is room for. */
export async function writeOrdersCsv(path: string, rows: number, seed: number, now: number): Promise<{ rows: number; orders: number; bytes: number }> {
  let written = 0;
  let orders = 0;
  const bytes = await writeCsvFile(path, SHOPIFY_HEADER, async (write) => {
    // Enough demo orders for `rows` rows at 1.5 rows per order; the generator stops when they are written.
    const gen = generateDemo({ orders: rows, seed, now, chunkSize: 10_000 });
    for (let step = gen.next(); !step.done && written < rows; step = gen.next()) {
      const lines: string[] = [];
      for (const o of step.value.orders) {
        if (written >= rows) break;
        orders++;
        // Never more rows than asked for.
        const items = Math.min(shopifyItemsOf(orders), rows - written);
        for (const line of shopifyOrderRows(o, 1000 + orders, items)) lines.push(line);
        written += items;
      }
      await write(lines);
    }
  });
  return { rows: written, orders, bytes };
}
