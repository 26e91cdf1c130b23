// Which records of a team import an erasure on request reaches: the server redacts exactly those
// lines, and a laptop accepts a redacted line only from an erasure it holds that reaches it.
import { orderKeyVariants, orderRefVariants } from '../orders/paymentFacts';
import type { Json } from './canonicalJson';

/** What an erasure names: orders by key (source:number, either spelling of the number reaches it) and payments by id. */
export interface ErasedRecords {
  orderKeys: readonly string[];
  payments: readonly string[];
}

/** An erasure's reach over the lines of a team import. */
export interface ErasureReach {
  /** False when the line's text holds none of the erased keys (it cannot hold an erased record). */
  mayReach(line: string): boolean;
  /** Whether the record (a line apart from its salt or mark) or one of its companions is erased, `orderSource` the operation's. */
  reaches(record: { [key: string]: Json }, orderSource: string): boolean;
}

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

/** Which parts of a line an erasure reaches, as a laptop's register reaches them (RegisterAtImport). */
export function erasureReach(erased: ErasedRecords): ErasureReach {
  const keys = new Set(erased.orderKeys.flatMap(orderKeyVariants));
  const payments = new Set(erased.payments);
  // A line that holds none of these texts cannot hold an erased record: only the others are parsed.
  const needles = [
    ...[...keys].map((k) => JSON.stringify(k)),
    ...[...keys].flatMap((k) => orderRefVariants(k.slice(k.indexOf(':') + 1)).map((ref) => JSON.stringify(ref))),
    ...[...payments].map((p) => JSON.stringify(p)),
  ];
  const reachesPart = (part: JsonObject, orderSource: string): boolean => {
    if (part.kind === 'order') return keys.has(text(part.key));
    if (part.kind !== 'payment' || !isObject(part.value)) return false;
    const value = part.value;
    if (payments.has(text(value.id)) || payments.has(text(part.key))) return true;
    // A payment for an erased order, by either spelling of its number, as a laptop joins them.
    const sources = new Set([orderSource, text(value.orderSource) || orderSource]);
    return orderRefVariants(text(value.orderRef)).some((ref) => [...sources].some((source) => keys.has(`${source}:${ref}`)));
  };
  return {
    mayReach: (line) => needles.some((n) => line.includes(n)),
    reaches: (record, orderSource) =>
      reachesPart(record, orderSource) || (Array.isArray(record.companions) && record.companions.some((c) => isObject(c) && reachesPart(c, orderSource))),
  };
}
