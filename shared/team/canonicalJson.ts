// One text for one value: object keys sorted at every depth, no whitespace, so a payload hashes
// the same on the laptop that wrote it, on the server and on every laptop that pulls it,
// whatever order its keys were built or stored in.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // NaN and Infinity have no JSON form; letting JSON.stringify turn them into null would hash a value nobody wrote.
    if (!Number.isFinite(value)) throw new RangeError(`A number in a team event must be finite, got ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(',')}}`;
}
