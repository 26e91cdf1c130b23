// Column-wise encoding of orders: numbers and enums in typed arrays, text as one joined
// string per field. Blocks of this shape are what the cache stores and what queries scan.
import {
  MARKETPLACES,
  ORDER_STATUSES,
  ORDER_TEXT_FIELDS,
  OPTIONAL_TEXT_FIELDS,
  type Marketplace,
  type Order,
  type OrderStatus,
  type OrderTextField,
} from '../domain/order';

/** Separates values inside a joined text column; stripped from input so it can never collide. */
export const FIELD_SEPARATOR = '\u001f';
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** The control characters other than the separator itself (counted apart). */
const CONTROL_BUT_SEPARATOR = /[\u0000-\u0008\u000b\u000c\u000e-\u001e\u007f]/;

/** Compact, always-loaded columns: enough to count, filter by channel/status/date and sort. */
export interface OrderKeyColumns {
  count: number;
  createdAt: Float64Array;
  totalMinor: Float64Array;
  marketplace: Uint8Array;
  status: Uint8Array;
}

/**
 * Low-cardinality text fields the reports group by, dictionary-encoded per block (values once,
 * a code per row) so a report over 1M orders never decodes text. Values are folded as the
 * reports group them (dictFold); blocks written before these existed are derived from text. The
 * known outcome is counted, not grouped by: blocks whose dictionaries predate it read it as ''.
 */
export const DICT_FIELDS = ['currency', 'shipCountry', 'paymentMethod', 'cardBrand', 'knownOutcome'] as const;
export type DictField = (typeof DICT_FIELDS)[number];
const isDictField = (f: string): f is DictField => (DICT_FIELDS as readonly string[]).includes(f);
export interface DictColumn {
  values: string[];
  codes: Uint16Array;
}
export type OrderDictColumns = Record<DictField, DictColumn>;

/** `Visa `, `VISA` and `visa` are one value; currencies and two-letter countries are upper case. */
export function dictFold(field: DictField, raw: string): string {
  const v = raw.trim();
  if (field === 'currency' || /^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  return v.toLowerCase();
}

export function encodeDict(field: DictField, rawValues: readonly string[]): DictColumn {
  const values: string[] = [];
  const index = new Map<string, number>();
  // Raw values repeat (a million `EUR`s): fold each distinct one once.
  const byRaw = new Map<string, number>();
  const codes = new Uint16Array(rawValues.length);
  for (let i = 0; i < rawValues.length; i++) {
    const raw = rawValues[i]!;
    let c = byRaw.get(raw);
    if (c === undefined) {
      const v = dictFold(field, raw);
      c = index.get(v);
      if (c === undefined) {
        // More distinct values than a code can name would be junk in a grouping field: fold the rest into one.
        if (values.length < 0xfffe) c = values.push(v) - 1;
        else {
          c = 0xfffe;
          if (values.length === 0xfffe) values.push('(other)');
        }
        index.set(v, c);
      }
      byRaw.set(raw, c);
    }
    codes[i] = c;
  }
  return { values, codes };
}

/**
 * A 52-bit hash of an order key (`source:externalId`), exact in a double: two 32-bit FNV-1a
 * variants over the UTF-16 code units, 20 bits of one above all 32 of the other. Blocks keep one
 * per row so finding a few thousand orders by key scans 1M numbers instead of 1M strings; with
 * 52 bits, a false match among 1M keys for a few thousand wanted ones is ~1e-9 likely.
 */
export function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (b & 0xfffff) * 0x100000000 + (a >>> 0);
}

/** Text columns of one block, each the block's values joined by FIELD_SEPARATOR. */
export type OrderTextColumns = Record<OrderTextField, string>;

export const marketplaceCode = (m: Marketplace): number => MARKETPLACES.indexOf(m);
export const statusCode = (s: OrderStatus): number => ORDER_STATUSES.indexOf(s);

export function cleanText(value: string): string {
  return value.replace(CONTROL_CHARS, ' ');
}

/**
 * Each text field's values, in row order, from one pass over the orders: every read is a plain
 * property load of one shape. A keyed read per field and order was a third of the encoding.
 * Absent (optional) fields read as ''. The literal names every field (the type says so); the
 * tests compare the result with a keyed encoder, so a field left out of the loop shows there.
 */
function textValues(orders: readonly Order[]): Record<OrderTextField, string[]> {
  const n = orders.length;
  const columns: Record<OrderTextField, string[]> = {
    externalId: new Array<string>(n),
    source: new Array<string>(n),
    currency: new Array<string>(n),
    customerId: new Array<string>(n),
    email: new Array<string>(n),
    phone: new Array<string>(n),
    shipName: new Array<string>(n),
    shipStreet: new Array<string>(n),
    shipPostcode: new Array<string>(n),
    shipCity: new Array<string>(n),
    shipCountry: new Array<string>(n),
    billCountry: new Array<string>(n),
    ip: new Array<string>(n),
    deviceId: new Array<string>(n),
    cardBin: new Array<string>(n),
    cardLast4: new Array<string>(n),
    cardExpiry: new Array<string>(n),
    cardFingerprint: new Array<string>(n),
    cardBrand: new Array<string>(n),
    paymentMethod: new Array<string>(n),
    riskLevel: new Array<string>(n),
    cvcCheck: new Array<string>(n),
    avsPostcodeCheck: new Array<string>(n),
    avsLine1Check: new Array<string>(n),
    threeDs: new Array<string>(n),
    channel: new Array<string>(n),
    knownOutcome: new Array<string>(n),
    sessionId: new Array<string>(n),
  };
  const {
    externalId,
    source,
    currency,
    customerId,
    email,
    phone,
    shipName,
    shipStreet,
    shipPostcode,
    shipCity,
    shipCountry,
    billCountry,
    ip,
    deviceId,
    cardBin,
    cardLast4,
    cardExpiry,
    cardFingerprint,
    cardBrand,
    paymentMethod,
    riskLevel,
    cvcCheck,
    avsPostcodeCheck,
    avsLine1Check,
    threeDs,
    channel,
    knownOutcome,
    sessionId,
  } = columns;
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    externalId[i] = o.externalId ?? '';
    source[i] = o.source ?? '';
    currency[i] = o.currency ?? '';
    customerId[i] = o.customerId ?? '';
    email[i] = o.email ?? '';
    phone[i] = o.phone ?? '';
    shipName[i] = o.shipName ?? '';
    shipStreet[i] = o.shipStreet ?? '';
    shipPostcode[i] = o.shipPostcode ?? '';
    shipCity[i] = o.shipCity ?? '';
    shipCountry[i] = o.shipCountry ?? '';
    billCountry[i] = o.billCountry ?? '';
    ip[i] = o.ip ?? '';
    deviceId[i] = o.deviceId ?? '';
    cardBin[i] = o.cardBin ?? '';
    cardLast4[i] = o.cardLast4 ?? '';
    cardExpiry[i] = o.cardExpiry ?? '';
    cardFingerprint[i] = o.cardFingerprint ?? '';
    cardBrand[i] = o.cardBrand ?? '';
    paymentMethod[i] = o.paymentMethod ?? '';
    riskLevel[i] = o.riskLevel ?? '';
    cvcCheck[i] = o.cvcCheck ?? '';
    avsPostcodeCheck[i] = o.avsPostcodeCheck ?? '';
    avsLine1Check[i] = o.avsLine1Check ?? '';
    threeDs[i] = o.threeDs ?? '';
    channel[i] = o.channel ?? '';
    knownOutcome[i] = o.knownOutcome ?? '';
    sessionId[i] = o.sessionId ?? '';
  }
  return columns;
}

/** Joins a column's values; a value holding a control character (the separator included) is cleaned first. */
function joinColumn(values: string[]): string {
  const n = values.length;
  const joined = values.join(FIELD_SEPARATOR);
  // Imported values are clean already: one test over the joined column instead of a replace per
  // cell. Separators other than the n - 1 the join put in came from a value.
  if (!CONTROL_BUT_SEPARATOR.test(joined) && separatorCount(joined) === n - 1) return joined;
  for (let i = 0; i < n; i++) values[i] = cleanText(values[i]!);
  return values.join(FIELD_SEPARATOR);
}

/**
 * A text column already joined, exactly one separator between each two of its `n` values (none in
 * a value): itself, or with control characters cleaned out of each value, as joinColumn gives it.
 */
export function cleanJoinedColumn(joined: string): string {
  if (!CONTROL_BUT_SEPARATOR.test(joined)) return joined;
  return joined.split(FIELD_SEPARATOR).map(cleanText).join(FIELD_SEPARATOR);
}

function separatorCount(joined: string): number {
  let count = 0;
  for (let i = joined.indexOf(FIELD_SEPARATOR); i !== -1; i = joined.indexOf(FIELD_SEPARATOR, i + 1)) count++;
  return count;
}

export function encodeOrders(orders: readonly Order[]): { keys: OrderKeyColumns; text: OrderTextColumns; dict: OrderDictColumns } {
  const n = orders.length;
  const keys: OrderKeyColumns = {
    count: n,
    createdAt: new Float64Array(n),
    totalMinor: new Float64Array(n),
    marketplace: new Uint8Array(n),
    status: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    keys.createdAt[i] = o.createdAt;
    keys.totalMinor[i] = o.totalMinor;
    keys.marketplace[i] = marketplaceCode(o.marketplace);
    keys.status[i] = statusCode(o.status);
  }
  const text = {} as OrderTextColumns;
  const dict = {} as OrderDictColumns;
  const values = textValues(orders);
  for (const f of ORDER_TEXT_FIELDS) {
    text[f] = joinColumn(values[f]);
    // Dictionaries fold the values as stored (joinColumn cleaned them in place).
    if (isDictField(f)) dict[f] = encodeDict(f, values[f]);
  }
  return { keys, text, dict };
}

/** Start offset of every value in a joined column, plus one past the end. */
/** A block's text column, or all-empty values for a field added after the block was written. */
export function textColumn(columns: Partial<OrderTextColumns>, field: OrderTextField, count: number): string {
  return columns[field] ?? FIELD_SEPARATOR.repeat(Math.max(0, count - 1));
}

export function columnOffsets(joined: string, count: number): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  let row = 1;
  for (let i = joined.indexOf(FIELD_SEPARATOR); i !== -1; i = joined.indexOf(FIELD_SEPARATOR, i + 1)) {
    offsets[row++] = i + 1;
  }
  offsets[count] = joined.length + 1;
  return offsets;
}

/** Index of the last of the first `n` ascending `starts` that is <= `value`. */
export function lastStartAtOrBefore(starts: Uint32Array, n: number, value: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Row that holds character `pos` of a joined column. */
export function rowAt(offsets: Uint32Array, pos: number): number {
  return lastStartAtOrBefore(offsets, offsets.length - 1, pos);
}

/** Rebuilds one order from key columns (at `keyRow`) and a text block (at `textRow`). */
export function decodeOrder(
  keys: Omit<OrderKeyColumns, 'count'>,
  keyRow: number,
  text: OrderTextColumns,
  offsets: Record<OrderTextField, Uint32Array>,
  textRow: number,
): Order {
  const o = {
    marketplace: MARKETPLACES[keys.marketplace[keyRow]!]!,
    status: ORDER_STATUSES[keys.status[keyRow]!]!,
    createdAt: keys.createdAt[keyRow]!,
    totalMinor: keys.totalMinor[keyRow]!,
  } as Order;
  for (const f of ORDER_TEXT_FIELDS) {
    const off = offsets[f];
    const value = (text[f] ?? '').slice(off[textRow]!, off[textRow + 1]! - 1);
    // Optional fields stay absent when empty, so an order reads back exactly as it was written.
    if (value !== '' || !OPTIONAL_TEXT_FIELDS.has(f)) o[f] = value;
  }
  return o;
}
