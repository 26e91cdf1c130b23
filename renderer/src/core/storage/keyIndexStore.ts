// The rings' key index as kept in the cache: a few binary records (typed arrays and joined text),
// stamped with the order blocks it covers and a generation that every rewrite of stored order text
// (erasure, retention, restore, clearing the cache) bumps in its own transaction.
// A start reads only what showing rings needs (loadKeyIndex): the linking arrays first, then the
// order labels and the values of keys on two or more orders. Every key's value and the customers,
// needed to add orders or look up any key, are read when asked (loadKeyIndexText, ...Customers).
import type { KeyIndexCustomers, KeyIndexSharedText, KeyIndexState, KeyIndexText, OrderLabelsState } from '../../../../shared/linking';
import { KEY_TYPES, STRENGTHS } from '../../../../shared/normalize';
import type { WorkbenchDb } from './schema';

/** What a kept index covers: these blocks in this order, with this many rows, at this generation. */
export interface KeyIndexStamp {
  generation: number;
  blockIds: number[];
  rows: number;
}

/**
 * The layout of the parts and the key values in them. Indexes kept in another one (format 1 kept
 * every value, order times and the raw customer forest in the parts a start read, unpacked; format
 * 3 made e-mail, account, name, address and device keys with the invisible characters a value may
 * hide, so a zero-width space kept two same-looking addresses apart; format 4 kept titles and c/o
 * hosts in name keys, 4-digit German postcodes apart from their 0-led form, placeholder phones,
 * bare c/o addresses marked as forwarders, and no DHL Postnummer key; format 5 read a guest
 * checkout's customer id, 0 or "guest", as one account; format 6 linked card fingerprints
 * "unknown" or "undefined"; format 7 counted a card with and without its fingerprint as two
 * cardholders; format 8 read no Viennese Stiege or Tür, so neighbours at "12/3/14" and "12/3/15"
 * had one address; format 9 linked placeholder phones "0123456789" and "1111111111"; format 10 kept
 * no known outcomes, so a steady hub's labelled fraud went unweighed; format 11 kept each customer
 * value's first order only, so a superseded version still joined its buyer to the customers of
 * the values it had; format 12 read "ul. Długa" and "Długa", "Sankt-Pauli-Straße" and
 * "St.-Pauli-Str." as other streets; format 13 gave an order with a card's expiry no BIN-and-last-4
 * key, so the same card in a file without expiries never met it; format 14 made two cardholders of
 * a card-transactions file one customer when their cards shared a BIN and last 4 but not the
 * expiry; format 15 read "Prager Straße, 12a" (street and number in two columns) as a street
 * without a number, "12a/3" as house 3 and "D-01069" as another postcode, "Packst. 184" as a street
 * and made no customer of an Amazon relay e-mail) are not read back: the next visit builds the
 * index again, with progress, and keeps it in this one.
 */
const FORMAT = 16;

interface KeyIndexHead extends KeyIndexStamp {
  format?: number;
  /** Counts up with every save, so the parts read later are known to belong to it. */
  serial: number;
  keyCount: number;
  /** Payload size: typed arrays' bytes plus the text's characters (stored one byte each when Latin-1). */
  bytes: number;
  /** Of `bytes`: what a start reads to show rings. */
  startBytes: number;
}

export interface KeptKeyIndex {
  stamp: KeyIndexStamp;
  serial: number;
  bytes: number;
  index: KeyIndexState;
  /** What ranking needs besides the linking arrays, read beside them; null when another save replaced the index meanwhile. */
  rest: Promise<{ labels: OrderLabelsState; shared: KeyIndexSharedText } | null>;
}

/** Stored as they are; keyType, keyStrength, keyMarked and orderStart go packed (see packKeyBits, packEnds). */
const PLAIN_FIELDS = ['orderCount', 'keyCount', 'keyRule', 'rules', 'orderKeys', 'customerOf'] as const satisfies readonly (keyof KeyIndexState)[];
const INDEX_PARTS = [...PLAIN_FIELDS.map((f) => `index.${f}`), 'index.keyBits', 'index.orderLengths'];

// Compact encodings, so a start reads fewer bytes: offsets as lengths of a byte each when every
// length fits in one (else the offsets as they are), a key's type, strength and mark in one byte.

/** End offsets (or a CSR start array, with its leading 0) as byte lengths when they all fit. */
function packEnds(ends: Int32Array, leadingZero: boolean): Uint8Array | Int32Array {
  const from = leadingZero ? 1 : 0;
  const out = new Uint8Array(ends.length - from);
  let prev = 0;
  for (let i = from; i < ends.length; i++) {
    const len = (ends[i] as number) - prev;
    if (len > 255) return ends;
    out[i - from] = len;
    prev = ends[i] as number;
  }
  return out;
}

function unpackEnds(packed: Uint8Array | Int32Array, leadingZero: boolean): Int32Array {
  if (packed instanceof Int32Array) return packed;
  const from = leadingZero ? 1 : 0;
  const ends = new Int32Array(packed.length + from);
  let at = 0;
  for (let i = 0; i < packed.length; i++) ends[i + from] = at += packed[i] as number;
  return ends;
}

/** A ninth key type or a fourth strength would not fit packKeyBits: this then fails to compile. */
const KEY_BITS_FIT: [(typeof KEY_TYPES)['length'], (typeof STRENGTHS)['length']] extends [1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, 1 | 2 | 3 | 4] ? true : never = true;

/** Type (3 bits), strength (2) and the collection-point mark (1) of every key in one byte. */
function packKeyBits(s: KeyIndexState): Uint8Array {
  if (!KEY_BITS_FIT) throw new Error('key types or strengths do not fit a byte');
  const bits = new Uint8Array(s.keyCount);
  for (let k = 0; k < s.keyCount; k++) bits[k] = (s.keyType[k] as number) | ((s.keyStrength[k] as number) << 3) | ((s.keyMarked[k] as number) << 5);
  return bits;
}

function unpackKeyBits(bits: Uint8Array): Pick<KeyIndexState, 'keyType' | 'keyStrength' | 'keyMarked'> {
  const keyType = new Uint8Array(bits.length);
  const keyStrength = new Uint8Array(bits.length);
  const keyMarked = new Uint8Array(bits.length);
  for (let k = 0; k < bits.length; k++) {
    const b = bits[k] as number;
    keyType[k] = b & 7;
    keyStrength[k] = (b >> 3) & 3;
    keyMarked[k] = (b >> 5) & 1;
  }
  return { keyType, keyStrength, keyMarked };
}

interface StoredLabels extends Omit<OrderLabelsState, 'keyEnd' | 'currency'> {
  keyEnd: Uint8Array | Int32Array;
  currency: Uint8Array | Uint16Array;
}

function packLabels(l: OrderLabelsState): StoredLabels {
  return { ...l, keyEnd: packEnds(l.keyEnd, false), currency: l.currencies.length <= 256 ? Uint8Array.from(l.currency) : l.currency };
}

function unpackLabels(l: StoredLabels): OrderLabelsState {
  return { ...l, keyEnd: unpackEnds(l.keyEnd, false), currency: l.currency instanceof Uint16Array ? l.currency : Uint16Array.from(l.currency) };
}

type StoredShared = Omit<KeyIndexSharedText, 'end'> & { end: Uint8Array | Int32Array };

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

/** Parts of the index saved as `serial`, or null when another save replaced it (or one is missing). */
async function partsOf(db: WorkbenchDb, serial: number, parts: string[]): Promise<unknown[] | null> {
  return db.transaction('r', db.keyIndex, async () => {
    const [head, ...got] = await db.keyIndex.bulkGet(['head', ...parts]);
    if ((head?.value as KeyIndexHead | undefined)?.serial !== serial || got.some((p) => p === undefined)) return null;
    return got.map((p) => p!.value);
  });
}

/**
 * The kept index's linking arrays, or null when there is none, it was kept at another generation
 * or in another format. Its labels and shared values come in `rest`, read in parallel, so linking
 * can start while they arrive.
 */
export async function loadKeyIndex(db: WorkbenchDb): Promise<KeptKeyIndex | null> {
  // Head and generation first: small reads asked after the parts would wait behind them.
  const [headPart, generation] = await Promise.all([db.keyIndex.get('head'), generationIn(db)]);
  const head = headPart?.value as KeyIndexHead | undefined;
  if (!head || head.format !== FORMAT || head.generation !== generation) return null;
  const rest = partsOf(db, head.serial, ['labels', 'sharedText']).then((p) => {
    if (!p) return null;
    const shared = p[1] as StoredShared;
    return { labels: unpackLabels(p[0] as StoredLabels), shared: { ...shared, end: unpackEnds(shared.end, false) } };
  });
  // A failed read of the linking arrays leaves nothing waiting on the rest.
  rest.catch(() => undefined);
  const parts = await partsOf(db, head.serial, INDEX_PARTS);
  if (!parts) return null;
  const plain = {} as Record<string, unknown>;
  PLAIN_FIELDS.forEach((f, i) => (plain[f] = parts[i]));
  const index: KeyIndexState = {
    ...(plain as Pick<KeyIndexState, (typeof PLAIN_FIELDS)[number]>),
    ...unpackKeyBits(parts[PLAIN_FIELDS.length] as Uint8Array),
    orderStart: unpackEnds(parts[PLAIN_FIELDS.length + 1] as Uint8Array | Int32Array, true),
  };
  return { stamp: { generation: head.generation, blockIds: head.blockIds, rows: head.rows }, serial: head.serial, bytes: head.bytes, index, rest };
}

/** Every key's value in the kept index saved as `serial`, or null when another save replaced it. */
export async function loadKeyIndexText(db: WorkbenchDb, serial: number): Promise<KeyIndexText | null> {
  const p = await partsOf(db, serial, ['keyText']);
  return p ? (p[0] as KeyIndexText) : null;
}

/** The customers part of the kept index saved as `serial`, or null when another save replaced it. */
export async function loadKeyIndexCustomers(db: WorkbenchDb, serial: number): Promise<KeyIndexCustomers | null> {
  const p = await partsOf(db, serial, ['customers']);
  return p ? (p[0] as KeyIndexCustomers) : null;
}

/** What saveKeyIndex keeps: the builder's state, its text, the shared keys' values, labels and customers. */
export interface KeyIndexParts {
  index: KeyIndexState;
  text: KeyIndexText;
  shared: KeyIndexSharedText;
  labels: OrderLabelsState;
  customers: KeyIndexCustomers;
}

/**
 * Keeps an index in one transaction, unless the generation moved since `stamp.generation` (the
 * text it was built from may have been erased): then nothing is written and it returns null.
 * Returns the serial and the payload size in bytes.
 */
export async function saveKeyIndex(db: WorkbenchDb, stamp: KeyIndexStamp, p: KeyIndexParts): Promise<{ serial: number; bytes: number } | null> {
  const start: { part: string; value: unknown }[] = [
    ...PLAIN_FIELDS.map((f) => ({ part: `index.${f}`, value: p.index[f] as unknown })),
    { part: 'index.keyBits', value: packKeyBits(p.index) },
    { part: 'index.orderLengths', value: packEnds(p.index.orderStart, true) },
    { part: 'labels', value: packLabels(p.labels) },
    { part: 'sharedText', value: { ...p.shared, end: packEnds(p.shared.end, false) } satisfies StoredShared },
  ];
  const parts = [...start, { part: 'keyText', value: p.text }, { part: 'customers', value: p.customers }];
  const startBytes = start.reduce((n, x) => n + sizeOf(x.value), 0);
  const bytes = parts.reduce((n, x) => n + sizeOf(x.value), 0);
  return db.transaction('rw', db.keyIndex, async () => {
    const generation = await generationIn(db);
    if (generation !== stamp.generation) return null;
    const serial = (((await db.keyIndex.get('head'))?.value as KeyIndexHead | undefined)?.serial ?? 0) + 1;
    // Parts of an older format go with it.
    await db.keyIndex.where('part').noneOf(['generation']).delete();
    await db.keyIndex.bulkPut(parts);
    const head: KeyIndexHead = { ...stamp, blockIds: [...stamp.blockIds], format: FORMAT, serial, keyCount: p.index.keyCount, bytes, startBytes };
    await db.keyIndex.put({ part: 'head', value: head });
    return { serial, bytes };
  });
}

/** The kept index's stamp and size, or null (Settings and the bench report its size). */
export async function keyIndexInfo(db: WorkbenchDb): Promise<(KeyIndexStamp & { bytes: number; startBytes: number; keyCount: number }) | null> {
  const h = (await db.keyIndex.get('head'))?.value as KeyIndexHead | undefined;
  return h && h.format === FORMAT
    ? { generation: h.generation, blockIds: h.blockIds, rows: h.rows, bytes: h.bytes, startBytes: h.startBytes, keyCount: h.keyCount }
    : null;
}
