// Why two orders are in one ring: for each spanning-tree edge, the shared key with the raw text
// on both sides and the rule that matched, re-read from the two orders only when asked.

import { describeLinkKey, isCardSummaryRule, linkKeysOf, type KeyType, type LinkableOrder, type Strength } from '../normalize';
import type { KeyIndex } from './keyIndex';
import type { RingCore } from './rings';

export interface RingLink {
  /** Order positions. */
  a: number;
  b: number;
  type: KeyType;
  value: string;
  strength: Strength;
  rule: string;
  rawA: string;
  rawB: string;
  /** "card 4111 11** **** 1111 exp 03/27 (same BIN, last 4 and expiry)". */
  because: string;
}

function rawOf(o: LinkableOrder, type: KeyType, value: string): { raw: string; cardSummary?: string } {
  const keys = linkKeysOf(o);
  const summary = keys.find((x) => isCardSummaryRule(x.rule))?.value;
  return { raw: keys.find((x) => x.type === type && x.value === value)?.raw ?? '', ...(summary ? { cardSummary: summary } : {}) };
}

export function ringEvidence(ring: Pick<RingCore, 'id' | 'edges'>, index: KeyIndex, orders: readonly LinkableOrder[]): RingLink[] {
  return ring.edges.map((e) => {
    const key = index.key(e.key);
    if (!key) throw new Error(`ring ${ring.id}: edge names unknown key ${e.key}`);
    const a = rawOf(orders[e.a] as LinkableOrder, key.type, key.value);
    const b = rawOf(orders[e.b] as LinkableOrder, key.type, key.value);
    return {
      a: e.a,
      b: e.b,
      type: key.type,
      value: key.value,
      strength: key.strength,
      rule: key.rule,
      rawA: a.raw,
      rawB: b.raw,
      because: describeLinkKey({ type: key.type, value: key.value, rule: key.rule, raw: a.raw }, a.cardSummary),
    };
  });
}
