// Records sent from the read worker to the import worker as columns rather than as objects.
// postMessage clones an array of objects one property at a time, writing every key name again for
// every record: a 1M-row export made 450 MB of clone and ~3 s of CPU on the two threads. As columns
// (one string per text field, one Float64Array per number field) the clone is a few large copies.
import type { Order } from '../domain/order';
import { hashOrderValues, packOrderValues, unpackOrderValues, type PackedOrderValues } from './orderColumns';
import type { ParsedBatch } from './reader';
import type { ParsedRecord } from './records';

/**
 * The values at one key of like-shaped objects, in row order. Text is sent as one string: a value
 * repeated down the column once, few distinct values as a dictionary, others back to back with
 * `ends[i]` where the i-th one ends. Arrays and plain objects are sent once per instance, so
 * records sharing one (an order's `provided` list) still share it, as the clone would keep them.
 * Anything else (mixed types, null, undefined, booleans, other objects) is left to the clone.
 * Two differences from a clone, neither in what a reader makes: an instance shared between two
 * columns arrives as two copies, and named properties on an array (not its items) are not kept.
 */
export type PackedColumn =
  | { type: 'same'; value: string; count: number }
  | { type: 'dictionary'; values: string[]; codes: Uint8Array }
  | { type: 'strings'; text: string; ends: Uint32Array }
  | { type: 'numbers'; values: Float64Array }
  | { type: 'arrays'; instances: Uint32Array; ends: Uint32Array; items: PackedColumn }
  | { type: 'objects'; instances: Uint32Array; objects: PackedObjects }
  | { type: 'values'; values: unknown[] }
  /** Order records (no companions): their values as order columns (orderColumns.ts), the rest as objects with `value` ''. */
  | { type: 'orders'; records: PackedObjects; values: PackedOrderValues };

/** Plain objects by shape (their keys, in order): which shape each row has, and per shape its columns. */
export interface PackedObjects {
  count: number;
  shapes: string[][];
  shapeOf: Uint16Array;
  columns: PackedColumn[][];
}

const MAX_SHAPES = 0xffff;
/** Distinct values a dictionary column holds at most (codes are bytes). */
const DICTIONARY_SIZE = 256;
/** Rows looked at to guess whether a text column is worth a dictionary. */
const DICTIONARY_SAMPLE = 64;
const DICTIONARY_SAMPLE_DISTINCT = 16;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** One column for `values`, of the narrowest type that holds them all. */
export function packColumn(values: readonly unknown[]): PackedColumn {
  const n = values.length;
  if (n === 0) return { type: 'values', values: [] };
  const t = typeof values[0];
  for (let i = 1; i < n; i++) if (typeof values[i] !== t) return { type: 'values', values: values.slice() };
  if (t === 'string') return packStrings(values as readonly string[]);
  if (t === 'number') return { type: 'numbers', values: Float64Array.from(values as readonly number[]) };
  if (t === 'object') {
    if (values.every((v) => Array.isArray(v))) return packArrays(values as readonly unknown[][]) ?? { type: 'values', values: values.slice() };
    if (values.every(isPlainObject)) {
      const { instances, distinct } = byInstance(values as readonly Record<string, unknown>[]);
      const objects = packObjects(distinct);
      if (objects) return { type: 'objects', instances, objects };
    }
  }
  return { type: 'values', values: values.slice() };
}

function packStrings(values: readonly string[]): PackedColumn {
  const n = values.length;
  if (worthADictionary(values)) {
    const index = new Map<string, number>();
    const dictionary: string[] = [];
    const codes = new Uint8Array(n);
    let i = 0;
    let last = '';
    let lastCode = -1;
    for (; i < n; i++) {
      const v = values[i]!;
      // Runs of one value are common (a country, a currency): skip the map for them.
      if (v !== last || lastCode < 0) {
        let c = index.get(v);
        if (c === undefined) {
          if (dictionary.length === DICTIONARY_SIZE) break;
          c = dictionary.push(v) - 1;
          index.set(v, c);
        }
        last = v;
        lastCode = c;
      }
      codes[i] = lastCode;
    }
    // One value down the whole column (an empty field, a currency): sent once. Only text: a
    // number column of 0 and -0 would be one value by ===, so numbers keep their Float64Array.
    if (i === n) return dictionary.length === 1 ? { type: 'same', value: dictionary[0]!, count: n } : { type: 'dictionary', values: dictionary, codes };
  }
  const ends = new Uint32Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    end += values[i]!.length;
    ends[i] = end;
  }
  // Beyond what a Uint32Array offset holds (never for one batch of a file): left to the clone.
  if (end > 0xffffffff) return { type: 'values', values: values.slice() };
  return { type: 'strings', text: values.join(''), ends };
}

function worthADictionary(values: readonly string[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < values.length && i < DICTIONARY_SAMPLE; i++) {
    seen.add(values[i]!);
    if (seen.size > DICTIONARY_SAMPLE_DISTINCT) return false;
  }
  return true;
}

/** Each value's index among the distinct instances, and those instances in first-seen order. */
function byInstance<T extends object>(values: readonly T[]): { instances: Uint32Array; distinct: T[] } {
  const index = new Map<T, number>();
  const distinct: T[] = [];
  const instances = new Uint32Array(values.length);
  let last: T | null = null;
  let lastAt = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== last) {
      let at = index.get(v);
      if (at === undefined) {
        at = distinct.push(v) - 1;
        index.set(v, at);
      }
      last = v;
      lastAt = at;
    }
    instances[i] = lastAt;
  }
  return { instances, distinct };
}

/** Arrays as one column of their items, or null for arrays with holes (which would come back as undefined). */
function packArrays(values: readonly unknown[][]): PackedColumn | null {
  const { instances, distinct } = byInstance(values);
  const items: unknown[] = [];
  const ends = new Uint32Array(distinct.length);
  for (let i = 0; i < distinct.length; i++) {
    const a = distinct[i]!;
    for (let j = 0; j < a.length; j++) {
      if (!(j in a)) return null;
      items.push(a[j]);
    }
    ends[i] = items.length;
  }
  return { type: 'arrays', instances, ends, items: packColumn(items) };
}

/**
 * Plain objects as columns per shape, or null past MAX_SHAPES shapes (left to the clone). The
 * property named `blank`, when given, is packed as '' (its value travels another way).
 */
export function packObjects(objects: readonly Record<string, unknown>[], blank?: string): PackedObjects | null {
  const shapes: string[][] = [];
  const byName = new Map<string, number>();
  const shapeOf = new Uint16Array(objects.length);
  const values: unknown[][][] = [];
  let shape: string[] = [];
  let columns: unknown[][] = [];
  let s = -1;
  const scratch: unknown[] = [];
  // for…in also walks keys inherited from Object.prototype: only when it has none (nobody added
  // an enumerable one) does it see exactly an object's own keys.
  const ownKeysOnly = !hasEnumerableKey(Object.prototype);
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    // Most rows have the last row's shape: check it while taking the values in one pass.
    let k = 0;
    let fits = s >= 0 && ownKeysOnly;
    if (fits) {
      for (const key in o) {
        if (key !== shape[k]) {
          fits = false;
          break;
        }
        scratch[k++] = key === blank ? '' : o[key];
      }
    }
    if (fits && k === shape.length) {
      for (let c = 0; c < k; c++) columns[c]!.push(scratch[c]);
    } else {
      const keys = Object.keys(o);
      // Keys joined by a separator would make ['a', 'b'] and ['a\0b'] one shape; JSON keeps them apart.
      const name = JSON.stringify(keys);
      let at = byName.get(name);
      if (at === undefined) {
        // An own `__proto__` key would set the prototype when assigned back: left to the clone.
        if (shapes.length === MAX_SHAPES || keys.includes('__proto__')) return null;
        at = shapes.push(keys) - 1;
        byName.set(name, at);
        values.push(keys.map(() => []));
      }
      s = at;
      shape = shapes[s]!;
      columns = values[s]!;
      // The first k values were read by the look at the last shape (their keys are these keys'
      // first k): not read again, so a getter runs once, as the clone runs it.
      for (let c = 0; c < keys.length; c++) columns[c]!.push(c < k ? scratch[c] : keys[c] === blank ? '' : o[keys[c]!]);
    }
    shapeOf[i] = s;
  }
  scratch.length = 0;
  return { count: objects.length, shapes, shapeOf, columns: values.map((of) => of.map(packColumn)) };
}

function hasEnumerableKey(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** The values of a column, as they were packed. */
export function unpackColumn(column: PackedColumn): unknown[] {
  switch (column.type) {
    case 'same':
      return new Array<string>(column.count).fill(column.value);
    case 'dictionary': {
      const { values, codes } = column;
      const out = new Array<string>(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = values[codes[i]!]!;
      return out;
    }
    case 'strings': {
      const { text, ends } = column;
      const out = new Array<string>(ends.length);
      let start = 0;
      for (let i = 0; i < ends.length; i++) {
        const end = ends[i]!;
        out[i] = text.substring(start, end);
        start = end;
      }
      return out;
    }
    case 'numbers':
      return Array.from(column.values);
    case 'arrays': {
      const items = unpackColumn(column.items);
      const distinct = new Array<unknown[]>(column.ends.length);
      let start = 0;
      for (let i = 0; i < column.ends.length; i++) {
        const end = column.ends[i]!;
        distinct[i] = items.slice(start, end);
        start = end;
      }
      return byIndex(distinct, column.instances);
    }
    case 'objects':
      return byIndex(unpackObjects(column.objects), column.instances);
    case 'values':
      return column.values;
    case 'orders': {
      const records = unpackObjects(column.records);
      const values = unpackOrderValues(column.values);
      for (let i = 0; i < records.length; i++) records[i]!.value = values[i];
      return records;
    }
    default: {
      const never: never = column;
      throw new Error(`unknown packed column ${String((never as { type: unknown }).type)}`);
    }
  }
}

function byIndex<T>(distinct: readonly T[], instances: Uint32Array): T[] {
  const out = new Array<T>(instances.length);
  for (let i = 0; i < instances.length; i++) out[i] = distinct[instances[i]!]!;
  return out;
}

/** The objects packObjects packed, keys in their order. */
export function unpackObjects(packed: PackedObjects): Record<string, unknown>[] {
  const values = packed.columns.map((columns) => columns.map(unpackColumn));
  // Copying a template with every key already in place gives each object its final shape at once.
  const templates = packed.shapes.map((keys) => Object.fromEntries(keys.map((k) => [k, undefined])) as Record<string, unknown>);
  const next = new Uint32Array(packed.shapes.length);
  const out = new Array<Record<string, unknown>>(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const s = packed.shapeOf[i]!;
    const columns = values[s]!;
    const keys = packed.shapes[s]!;
    const r = next[s]!;
    next[s] = r + 1;
    const o = { ...templates[s]! };
    for (let k = 0; k < keys.length; k++) o[keys[k]!] = columns[k]![r];
    out[i] = o;
  }
  return out;
}

/**
 * A batch as the read worker posts it: its records as columns, in parts (each part's records packed
 * as soon as they were read, see BatchPacker), the rest as read.
 */
export interface ColumnarBatch extends Omit<ParsedBatch, 'records'> {
  records: PackedColumn[];
}

export function packBatch(batch: ParsedBatch): ColumnarBatch {
  return { ...batch, records: [packColumn(batch.records)] };
}

/**
 * Parsed batches read one after another, packed as one batch: their records in order, their set-aside
 * rows in order, the counts of the last. Each is packed when it is added, so the records of one part
 * are garbage before the next part is read.
 */
export class BatchPacker {
  private records: PackedColumn[] = [];
  private problems: ParsedBatch['problems'] = [];
  private counts = { rowsRead: 0, bytesRead: 0 };

  add(batch: ParsedBatch): void {
    this.records.push(packOrderRecords(batch.records) ?? packColumn(batch.records));
    if (batch.problems.length > 0) this.problems = this.problems.length === 0 ? batch.problems : this.problems.concat(batch.problems);
    this.counts = { rowsRead: batch.rowsRead, bytesRead: batch.bytesRead };
  }

  /** The batch added so far; the packer starts empty again. */
  take(): ColumnarBatch {
    const out: ColumnarBatch = { records: this.records, problems: this.problems, ...this.counts };
    this.records = [];
    this.problems = [];
    return out;
  }
}

export function unpackBatch(batch: ColumnarBatch): ParsedBatch {
  const parts = batch.records.map((part) => unpackColumn(part) as ParsedBatch['records']);
  return { ...batch, records: parts.length === 1 ? parts[0]! : parts.flat() };
}

/**
 * Order records with no companions, as one `orders` column; null for anything else (another kind,
 * a companion, an order its columns cannot hold exactly), which is packed as objects.
 */
export function packOrderRecords(records: readonly ParsedRecord[]): PackedColumn | null {
  const n = records.length;
  if (n === 0) return null;
  const values = new Array<Order>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (r.kind !== 'order' || r.companions !== undefined || !isPlainObject(r)) return null;
    values[i] = r.value;
  }
  const packedValues = packOrderValues(values);
  if (!packedValues) return null;
  const packed = packObjects(records as unknown as Record<string, unknown>[], 'value');
  return packed ? { type: 'orders', records: packed, values: packedValues } : null;
}

/** Stands in for the value of an order record whose value is still in columns: any use of it throws. */
const NOT_UNPACKED: Order = new Proxy({} as Order, {
  get: () => {
    throw new Error('an order was read before its values were unpacked (materialiseOrders)');
  },
  has: () => {
    throw new Error('an order was read before its values were unpacked (materialiseOrders)');
  },
  ownKeys: () => {
    throw new Error('an order was read before its values were unpacked (materialiseOrders)');
  },
});

/** Order records whose values are still columns: the records in batch order, each part's values. */
export interface DeferredOrders {
  parts: { records: ParsedRecord[]; values: PackedOrderValues }[];
  /** Set once the values were unpacked into the records. */
  unpacked: boolean;
}

/**
 * A batch as the import worker takes it, order values left in columns where they came as columns:
 * those records are hashed from the columns, and hold a stand-in value that throws on use until
 * materialiseOrders(batch.deferred) unpacks them. Other records come as unpackBatch gives them.
 */
export function unpackBatchDeferred(batch: ColumnarBatch): ParsedBatch {
  const deferred: DeferredOrders = { parts: [], unpacked: false };
  const parts = batch.records.map((part) => {
    if (part.type !== 'orders') return unpackColumn(part) as ParsedRecord[];
    const records = unpackObjects(part.records) as unknown as ParsedRecord[];
    for (const r of records) r.value = NOT_UNPACKED;
    const hashes = hashOrderValues(part.values, (i) => records[i]!.provided);
    for (let i = 0; i < records.length; i++) if (records[i]!.hash === '') records[i]!.hash = hashes[i]!;
    deferred.parts.push({ records, values: part.values });
    return records;
  });
  const records = parts.length === 1 ? parts[0]! : parts.flat();
  return deferred.parts.length > 0 ? { ...batch, records, deferred } : { ...batch, records };
}

/** Unpacks deferred order values into their records (once). */
export function materialiseOrders(deferred: DeferredOrders | undefined): void {
  if (!deferred || deferred.unpacked) return;
  for (const part of deferred.parts) {
    const values = unpackOrderValues(part.values);
    for (let i = 0; i < part.records.length; i++) (part.records[i] as { value: Order }).value = values[i]!;
  }
  deferred.unpacked = true;
}
