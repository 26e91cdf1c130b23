// The shape every normaliser returns: one comparable value per fact of an order, with how much a
// match on it is worth and which rule produced it, so a link can always be explained.

export const KEY_TYPES = ['card', 'device', 'email', 'phone', 'address', 'ip', 'account', 'name'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const STRENGTHS = ['weak', 'medium', 'strong'] as const;
export type Strength = (typeof STRENGTHS)[number];

export interface LinkKey {
  type: KeyType;
  /** Normalised value; two orders link when type and value are equal. */
  value: string;
  strength: Strength;
  /** The order's text the value came from, for "linked because ..." explanations. */
  raw: string;
  /** Which normalisation rule produced the value, e.g. `gmail-dots-and-tags`, `fingerprint`. */
  rule: string;
  /** A collection point or forwarder shared by unrelated customers: shown, never linked by default. */
  hub?: boolean;
}

export function strengthRank(s: Strength): number {
  return STRENGTHS.indexOf(s);
}

export function isKeyType(s: string): s is KeyType {
  return (KEY_TYPES as readonly string[]).includes(s);
}
