// Order values as columns across a batch's rows, as the read worker sends them to the import worker.
// Packed as objects (columnarBatch.ts), every order was taken apart by shape on one side, built
// again as an object of ~30 properties on the other, hashed property by property and taken apart
// once more into the column blocks the cache stores: for a 1M-row export ~670k objects made only
// to be read back, and the import worker's largest cost. In this form each text field is already
// the joined text a block stores, so a batch of new orders is hashed and stored from its columns,
// and its values are built as objects only when something needs them (an update, a payment join).
//
// Exact by construction: an order is packed only when every own key is a field named here with a
// value of the field's type and no text field holds the separator; the keys each order had, in
// order, are kept by shape. Anything else is packed as objects instead (packOrderValues: null).
import { MARKETPLACES, ORDER_STATUSES, ORDER_TEXT_FIELDS, type Order, type OrderTextField } from '../domain/order';
import { feedField, feedSeparator, feedText, fieldsDigest, startLanes } from './contentHash';
import {
  cleanJoinedColumn,
  DICT_FIELDS,
  encodeDict,
  FIELD_SEPARATOR,
  type DictField,
  type OrderDictColumns,
  type OrderKeyColumns,
  type OrderTextColumns,
} from '../orders/columns';

const TEXT_FIELDS: readonly OrderTextField[] = ORDER_TEXT_FIELDS;
const TEXT_INDEX = new Map<string, number>(TEXT_FIELDS.map((f, i) => [f, i]));
const FIELD_COUNT = TEXT_FIELDS.length;
/** The fields that are not text, after the text fields in a shape's field numbers. */
const CREATED_AT = FIELD_COUNT;
const TOTAL_MINOR = FIELD_COUNT + 1;
const MARKETPLACE = FIELD_COUNT + 2;
const STATUS = FIELD_COUNT + 3;
const OTHER_FIELDS = new Map<string, number>([
  ['createdAt', CREATED_AT],
  ['totalMinor', TOTAL_MINOR],
  ['marketplace', MARKETPLACE],
  ['status', STATUS],
]);
const MAX_SHAPES = 0xffff;
const DICT_SET: ReadonlySet<string> = new Set(DICT_FIELDS);

export interface PackedOrderValues {
  count: number;
  /** The own keys of each shape of order, in their order. */
  shapes: string[][];
  shapeOf: Uint16Array;
  /** Per ORDER_TEXT_FIELDS field, its values joined by FIELD_SEPARATOR ('' where an order lacks it). */
  text: string[];
  createdAt: Float64Array;
  totalMinor: Float64Array;
  /** Index in MARKETPLACES and ORDER_STATUSES. */
  marketplace: Uint8Array;
  status: Uint8Array;
}

/** Field number (text fields first, then CREATED_AT…STATUS) of an order key, or -1. */
function fieldOf(key: string): number {
  return TEXT_INDEX.get(key) ?? OTHER_FIELDS.get(key) ?? -1;
}

/**
 * An order's text fields in ORDER_TEXT_FIELDS order, read by name: one shape's loads stay fast,
 * where a keyed read per field (o[name]) was most of the packing. Checked against the list below.
 */
function readText(o: Order, out: unknown[]): void {
  out[0] = o.externalId;
  out[1] = o.source;
  out[2] = o.currency;
  out[3] = o.customerId;
  out[4] = o.email;
  out[5] = o.phone;
  out[6] = o.shipName;
  out[7] = o.shipStreet;
  out[8] = o.shipPostcode;
  out[9] = o.shipCity;
  out[10] = o.shipCountry;
  out[11] = o.billCountry;
  out[12] = o.ip;
  out[13] = o.deviceId;
  out[14] = o.cardBin;
  out[15] = o.cardLast4;
  out[16] = o.cardExpiry;
  out[17] = o.cardFingerprint;
  out[18] = o.cardBrand;
  out[19] = o.paymentMethod;
  out[20] = o.riskLevel;
  out[21] = o.cvcCheck;
  out[22] = o.avsPostcodeCheck;
  out[23] = o.avsLine1Check;
  out[24] = o.threeDs;
  out[25] = o.channel;
  out[26] = o.knownOutcome;
  out[27] = o.sessionId;
}

/** The fields readText reads, in its order: it must be ORDER_TEXT_FIELDS (the tests say so). */
export const READ_TEXT_ORDER =
  'externalId,source,currency,customerId,email,phone,shipName,shipStreet,shipPostcode,shipCity,shipCountry,billCountry,ip,deviceId,cardBin,cardLast4,cardExpiry,cardFingerprint,cardBrand,paymentMethod,riskLevel,cvcCheck,avsPostcodeCheck,avsLine1Check,threeDs,channel,knownOutcome,sessionId';
const READ_TEXT_FITS = TEXT_FIELDS.join(',') === READ_TEXT_ORDER;

/** `values` as columns, or null when one of them is not an order this form holds exactly. */
export function packOrderValues(values: readonly unknown[]): PackedOrderValues | null {
  // A field added to orders and not to readText: nothing is packed this way until it is.
  if (!READ_TEXT_FITS) return null;
  const n = values.length;
  const columns: string[][] = TEXT_FIELDS.map(() => new Array<string>(n));
  const createdAt = new Float64Array(n);
  const totalMinor = new Float64Array(n);
  const marketplace = new Uint8Array(n);
  const status = new Uint8Array(n);
  const shapes: string[][] = [];
  /** Per shape, which fields it has (1) by field number. */
  const shapeHas: Uint8Array[] = [];
  const byName = new Map<string, number>();
  const shapeOf = new Uint16Array(n);
  const text: unknown[] = new Array<unknown>(FIELD_COUNT);
  let shape: string[] = [];
  let has: Uint8Array = new Uint8Array(0);
  let s = -1;
  for (let i = 0; i < n; i++) {
    const o = values[i] as Order;
    if (typeof o !== 'object' || o === null || Object.getPrototypeOf(o) !== Object.prototype) return null;
    // Most orders have the last one's keys: compared in one pass over them.
    let k = 0;
    let fits = s >= 0;
    if (fits) {
      for (const key in o) {
        if (key !== shape[k]) {
          fits = false;
          break;
        }
        k++;
      }
    }
    if (!fits || k !== shape.length) {
      const keys = Object.keys(o);
      // Known fields only, and nothing enumerable inherited (for…in would see it, Object.keys not).
      const name = keys.join('\u0000');
      let at = byName.get(name);
      if (at === undefined) {
        const fields = keys.map(fieldOf);
        if (fields.includes(-1) || shapes.length === MAX_SHAPES) return null;
        const of = new Uint8Array(FIELD_COUNT + 4);
        for (const f of fields) of[f] = 1;
        // Every order has these; one without them goes as an object.
        if (!of[CREATED_AT] || !of[TOTAL_MINOR] || !of[MARKETPLACE] || !of[STATUS]) return null;
        at = shapes.push(keys) - 1;
        shapeHas.push(of);
        byName.set(name, at);
      }
      s = at;
      shape = shapes[s]!;
      has = shapeHas[s]!;
    }
    shapeOf[i] = s;
    readText(o, text);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const v = text[f];
      // A field the order has holds text; one it lacks reads undefined (nothing inherited).
      if (typeof v === 'string' && has[f] === 1) columns[f]![i] = v;
      else if (v === undefined && has[f] === 0) columns[f]![i] = '';
      else return null;
    }
    const c = o.createdAt;
    const t = o.totalMinor;
    if (typeof c !== 'number' || typeof t !== 'number') return null;
    createdAt[i] = c;
    totalMinor[i] = t;
    const m = MARKETPLACES.indexOf(o.marketplace);
    const st = ORDER_STATUSES.indexOf(o.status);
    if (m < 0 || st < 0) return null;
    marketplace[i] = m;
    status[i] = st;
  }
  const joined = new Array<string>(FIELD_COUNT);
  for (let c = 0; c < FIELD_COUNT; c++) {
    const column = columns[c]!.join(FIELD_SEPARATOR);
    // A value holding the separator could not be told from two: such values go as objects.
    if (n > 0 && separators(column) !== n - 1) return null;
    joined[c] = column;
  }
  return { count: n, shapes, shapeOf, text: joined, createdAt, totalMinor, marketplace, status };
}

function separators(joined: string): number {
  let count = 0;
  for (let i = joined.indexOf(FIELD_SEPARATOR); i !== -1; i = joined.indexOf(FIELD_SEPARATOR, i + 1)) count++;
  return count;
}

/** Start of every row's value in a joined column, and one past the end (as columnOffsets). */
function rowStarts(joined: string, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  let row = 1;
  for (let i = joined.indexOf(FIELD_SEPARATOR); i !== -1 && row < count; i = joined.indexOf(FIELD_SEPARATOR, i + 1)) starts[row++] = i + 1;
  starts[count] = joined.length + 1;
  return starts;
}

/** The orders as they were packed: the same own keys, in the same order, with the same values. */
export function unpackOrderValues(packed: PackedOrderValues): Order[] {
  const n = packed.count;
  // Each column's values at once (one native split: exactly n, packOrderValues counted the separators).
  const columns = packed.text.map((t) => (n === 0 ? [] : t.split(FIELD_SEPARATOR)));
  const fields = packed.shapes.map((keys) => keys.map(fieldOf));
  // Copying a template with every key already in place gives each order its final shape at once.
  const templates = packed.shapes.map((keys) => Object.fromEntries(keys.map((k) => [k, undefined])) as Record<string, unknown>);
  const out = new Array<Order>(n);
  for (let i = 0; i < n; i++) {
    const s = packed.shapeOf[i]!;
    const keys = packed.shapes[s]!;
    const of = fields[s]!;
    const o = { ...templates[s]! };
    for (let j = 0; j < keys.length; j++) {
      const f = of[j]!;
      let v: unknown;
      if (f < FIELD_COUNT) v = columns[f]![i];
      else if (f === CREATED_AT) v = packed.createdAt[i];
      else if (f === TOTAL_MINOR) v = packed.totalMinor[i];
      else if (f === MARKETPLACE) v = MARKETPLACES[packed.marketplace[i]!];
      else v = ORDER_STATUSES[packed.status[i]!];
      o[keys[j]!] = v;
    }
    out[i] = o as unknown as Order;
  }
  return out;
}

/** What an order reads for a key it does not have: what its prototype (Object.prototype, packOrderValues checked) holds, undefined as a rule. */
const inherited = (key: string): unknown => ({})[key as keyof object];

/**
 * Each order's content hash over the fields `providedOf(i)` lists, as hashFields(order, provided)
 * gives it for the unpacked order, without building the order: every text column is walked once
 * per distinct field list, a running hash kept per row and fed as hashFields feeds it (contentHash.ts).
 */
export function hashOrderValues(packed: PackedOrderValues, providedOf: (row: number) => readonly string[]): string[] {
  const n = packed.count;
  const out = new Array<string>(n);
  // Rows by field list (one list, two at most, in a file): each list's rows are hashed together.
  const groups = new Map<readonly string[], number[]>();
  for (let i = 0; i < n; i++) {
    const p = providedOf(i);
    const rows = groups.get(p);
    if (rows) rows.push(i);
    else groups.set(p, [i]);
  }
  const hasField = packed.shapes.map((keys) => {
    const has = new Uint8Array(FIELD_COUNT + 4);
    for (const k of keys) has[fieldOf(k)] = 1;
    return has;
  });
  // Row r's two lanes at 2r and 2r + 1.
  const lanes = new Int32Array(2 * n);
  for (const [provided, rows] of groups) {
    const inGroup = rows.length === n ? null : new Uint8Array(n);
    if (inGroup) for (const r of rows) inGroup[r] = 1;
    startLanes(ROW);
    for (const r of rows) store(lanes, r);
    for (const name of provided) {
      const f = fieldOf(name);
      if (f >= 0 && f < FIELD_COUNT) hashTextColumn(packed, f, String(inherited(name)), inGroup, hasField, lanes);
      else
        for (const r of rows) {
          load(lanes, r);
          feedField(ROW, otherValue(packed, f, name, r, hasField));
          store(lanes, r);
        }
    }
    for (const r of rows) out[r] = fieldsDigest(lanes[2 * r]!, lanes[2 * r + 1]!);
  }
  return out;
}

/** Feeds one text field of every row (of the group) to its running hash, and the separator after it. */
function hashTextColumn(packed: PackedOrderValues, f: number, absent: string, inGroup: Uint8Array | null, hasField: Uint8Array[], lanes: Int32Array): void {
  const text = packed.text[f]!;
  const shapeOf = packed.shapeOf;
  let at = 0;
  for (let r = 0; r < packed.count; r++) {
    let end = text.indexOf(FIELD_SEPARATOR, at);
    if (end === -1) end = text.length;
    if (inGroup === null || inGroup[r] === 1) {
      load(lanes, r);
      // An order without the field: hashFields hashes the String() of what it reads (undefined).
      if (hasField[shapeOf[r]!]![f] === 1) feedText(ROW, text, at, end);
      else feedText(ROW, absent, 0, absent.length);
      feedSeparator(ROW);
      store(lanes, r);
    }
    at = end + 1;
  }
}

/** One row's lanes while they are fed (hashOrderValues runs to its end before anything else can use them). */
const ROW = new Int32Array(2);
function load(lanes: Int32Array, r: number): void {
  ROW[0] = lanes[2 * r]!;
  ROW[1] = lanes[2 * r + 1]!;
}
function store(lanes: Int32Array, r: number): void {
  lanes[2 * r] = ROW[0]!;
  lanes[2 * r + 1] = ROW[1]!;
}

/** Row r's value of a field that is not text (or not an order field at all), as the unpacked order would read it. */
function otherValue(packed: PackedOrderValues, f: number, name: string, r: number, hasField: Uint8Array[]): unknown {
  if (f < 0 || hasField[packed.shapeOf[r]!]![f] !== 1) return inherited(name);
  if (f === CREATED_AT) return packed.createdAt[r];
  if (f === TOTAL_MINOR) return packed.totalMinor[r];
  if (f === MARKETPLACE) return MARKETPLACES[packed.marketplace[r]!];
  return ORDER_STATUSES[packed.status[r]!];
}

/** Rows [from, to) of packed orders, as packOrderValues would pack them alone. */
export function sliceOrderValues(packed: PackedOrderValues, from: number, to: number): PackedOrderValues {
  if (from === 0 && to === packed.count) return packed;
  const text = packed.text.map((t) => {
    const starts = rowStarts(t, packed.count);
    return to > from ? t.slice(starts[from]!, starts[to]! - 1) : '';
  });
  return {
    count: to - from,
    shapes: packed.shapes,
    shapeOf: packed.shapeOf.slice(from, to),
    text,
    createdAt: packed.createdAt.slice(from, to),
    totalMinor: packed.totalMinor.slice(from, to),
    marketplace: packed.marketplace.slice(from, to),
    status: packed.status.slice(from, to),
  };
}

/** Packed orders one after another, as one (shapes merged): what packOrderValues would make of all their orders. */
export function concatOrderValues(parts: readonly PackedOrderValues[]): PackedOrderValues {
  const some = parts.filter((p) => p.count > 0);
  if (some.length === 1) return some[0]!;
  const count = some.reduce((n, p) => n + p.count, 0);
  const shapes: string[][] = [];
  const byName = new Map<string, number>();
  const shapeOf = new Uint16Array(count);
  const createdAt = new Float64Array(count);
  const totalMinor = new Float64Array(count);
  const marketplace = new Uint8Array(count);
  const status = new Uint8Array(count);
  let at = 0;
  for (const p of some) {
    const remap = p.shapes.map((keys) => {
      const name = keys.join('\u0000');
      let s = byName.get(name);
      if (s === undefined) {
        if (shapes.length === MAX_SHAPES) throw new Error('more shapes of order than a batch holds');
        s = shapes.push(keys) - 1;
        byName.set(name, s);
      }
      return s;
    });
    for (let i = 0; i < p.count; i++) shapeOf[at + i] = remap[p.shapeOf[i]!]!;
    createdAt.set(p.createdAt, at);
    totalMinor.set(p.totalMinor, at);
    marketplace.set(p.marketplace, at);
    status.set(p.status, at);
    at += p.count;
  }
  const text = TEXT_FIELDS.map((_, f) => some.map((p) => p.text[f]!).join(FIELD_SEPARATOR));
  return { count, shapes, shapeOf, text, createdAt, totalMinor, marketplace, status };
}

/** The block columns of packed orders: what encodeOrders gives for the unpacked orders. */
export function encodeOrderValues(packed: PackedOrderValues): { keys: OrderKeyColumns; text: OrderTextColumns; dict: OrderDictColumns } {
  const n = packed.count;
  // Marketplace and status codes are indexes in the same lists as the blocks' (marketplaceCode, statusCode).
  const keys: OrderKeyColumns = {
    count: n,
    createdAt: packed.createdAt.slice(),
    totalMinor: packed.totalMinor.slice(),
    marketplace: packed.marketplace.slice(),
    status: packed.status.slice(),
  };
  const text = {} as OrderTextColumns;
  TEXT_FIELDS.forEach((f, i) => (text[f] = cleanJoinedColumn(packed.text[i]!)));
  // In the text fields' order, as encodeOrders makes them: the stored record is the same, key for key.
  const dict = {} as OrderDictColumns;
  for (const f of TEXT_FIELDS) if (DICT_SET.has(f)) dict[f as DictField] = encodeDict(f as DictField, text[f].split(FIELD_SEPARATOR));
  return { keys, text, dict };
}
