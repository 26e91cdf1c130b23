// The rings' key index as kept in the cache: a few binary records (typed arrays and joined text),
// stamped with the order blocks it covers and a generation that every rewrite of stored order text
// (erasure, retention, restore, clearing the cache) bumps in its own transaction.
import type { KeyIndexCustomers, KeyIndexState, OrderLabelsState } from '../../../../shared/linking';
import type { WorkbenchDb } from './schema';

/** What a kept index covers: these blocks in this order, with this many rows, at this generation. */
export interface KeyIndexStamp {
  generation: number;
  blockIds: number[];
  rows: number;
}

interface KeyIndexHead extends KeyIndexStamp {
  /** Counts up with every save, so the customers part read later is known to belong to it. */
  serial: number;
  keyCount: number;
  /** Payload size: typed arrays' bytes plus the text's characters (stored one byte each when Latin-1). */
  bytes: number;
}

export interface KeptKeyIndex {
  stamp: KeyIndexStamp;
  serial: number;
  bytes: number;
  index: KeyIndexState;
  labels: OrderLabelsState;
}

const INDEX_FIELDS = [
  'orderCount',
  'keyCount',
  'keyType',
  'keyStrength',
  'keyMarked',
  'keyRule',
  'rules',
  'keyText',
  'keyTextEnd',
  'orderStart',
  'orderKeys',
  'createdAt',
  'customerParent',
] as const satisfies readonly (keyof KeyIndexState)[];

function sizeOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length;
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + sizeOf(v), 0);
  return 8;
}

async function generationIn(db: WorkbenchDb): Promise<number> {
  return ((await db.keyIndex.get('generation'))?.value as number | undefined) ?? 0;
}

/** The current generation: an index kept at another one is stale. */
export function keyIndexGeneration(db: WorkbenchDb): Promise<number> {
  return generationIn(db);
}

/**
 * Drops the kept index and bumps the generation. Call inside the transaction that rewrites order
 * text or replaces the cache (it must include db.keyIndex), so no index built before it is trusted.
 */
export async function invalidateKeyIndex(db: WorkbenchDb): Promise<void> {
  const generation = await generationIn(db);
  await db.keyIndex.clear();
  await db.keyIndex.put({ part: 'generation', value: generation + 1 });
}

/** The kept index, or null when there is none or it was kept at another generation. */
export async function loadKeyIndex(db: WorkbenchDb): Promise<KeptKeyIndex | null> {
  return db.transaction('r', db.keyIndex, async () => {
    const [head, generation] = await Promise.all([db.keyIndex.get('head'), generationIn(db)]);
    const h = head?.value as KeyIndexHead | undefined;
    if (!h || h.generation !== generation) return null;
    const parts = await db.keyIndex.bulkGet([...INDEX_FIELDS.map((f) => `index.${f}`), 'labels']);
    if (parts.some((p) => p === undefined)) return null;
    const index = {} as Record<string, unknown>;
    INDEX_FIELDS.forEach((f, i) => (index[f] = parts[i]!.value));
    return {
      stamp: { generation: h.generation, blockIds: h.blockIds, rows: h.rows },
      serial: h.serial,
      bytes: h.bytes,
      index: index as unknown as KeyIndexState,
      labels: parts[INDEX_FIELDS.length]!.value as OrderLabelsState,
    };
  });
}

/** The customers part of the kept index saved as `serial`, or null when another save replaced it. */
export async function loadKeyIndexCustomers(db: WorkbenchDb, serial: number): Promise<KeyIndexCustomers | null> {
  return db.transaction('r', db.keyIndex, async () => {
    const [head, customers] = await db.keyIndex.bulkGet(['head', 'customers']);
    if ((head?.value as KeyIndexHead | undefined)?.serial !== serial || !customers) return null;
    return customers.value as KeyIndexCustomers;
  });
}

/**
 * Keeps an index in one transaction, unless the generation moved since `stamp.generation` (the
 * text it was built from may have been erased): then nothing is written and it returns null.
 * Returns the payload size in bytes.
 */
export async function saveKeyIndex(
  db: WorkbenchDb,
  stamp: KeyIndexStamp,
  index: KeyIndexState,
  labels: OrderLabelsState,
  customers: KeyIndexCustomers,
): Promise<{ serial: number; bytes: number } | null> {
  const parts: { part: string; value: unknown }[] = [
    ...INDEX_FIELDS.map((f) => ({ part: `index.${f}`, value: index[f] as unknown })),
    { part: 'labels', value: labels },
    { part: 'customers', value: customers },
  ];
  const bytes = parts.reduce((n, p) => n + sizeOf(p.value), 0);
  return db.transaction('rw', db.keyIndex, async () => {
    const generation = await generationIn(db);
    if (generation !== stamp.generation) return null;
    const serial = (((await db.keyIndex.get('head'))?.value as KeyIndexHead | undefined)?.serial ?? 0) + 1;
    await db.keyIndex.bulkPut(parts);
    const head: KeyIndexHead = { ...stamp, blockIds: [...stamp.blockIds], serial, keyCount: index.keyCount, bytes };
    await db.keyIndex.put({ part: 'head', value: head });
    return { serial, bytes };
  });
}

/** The kept index's stamp and size, or null (Settings and the bench report its size). */
export async function keyIndexInfo(db: WorkbenchDb): Promise<(KeyIndexStamp & { bytes: number; keyCount: number }) | null> {
  const h = (await db.keyIndex.get('head'))?.value as KeyIndexHead | undefined;
  return h ? { generation: h.generation, blockIds: h.blockIds, rows: h.rows, bytes: h.bytes, keyCount: h.keyCount } : null;
}
