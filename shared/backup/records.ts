// Rows as lines of JSON that keep typed arrays (column blocks are stored as typed arrays and
// must come back bit for bit). A typed array is written as {"$ta": kind, "b64": bytes}; only
// the kinds below exist, so a row that names any other is refused, not guessed at.

const KINDS = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
type Kind = keyof typeof KINDS;

function kindOf(v: ArrayBufferView): Kind | null {
  if (v instanceof Uint8Array) return 'u8';
  if (v instanceof Uint16Array) return 'u16';
  if (v instanceof Uint32Array) return 'u32';
  if (v instanceof Int32Array) return 'i32';
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Float64Array) return 'f64';
  return null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) out += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(out);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const kind = kindOf(value);
    if (!kind) throw new Error(`a ${value.constructor.name} cannot be written to a backup`);
    return { $ta: kind, b64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$ta' in value) {
    const { $ta, b64 } = value as { $ta: unknown; b64: unknown };
    if (typeof $ta !== 'string' || !($ta in KINDS) || typeof b64 !== 'string') throw new Error('a typed array of an unknown kind');
    const Ctor = KINDS[$ta as Kind];
    const bytes = base64ToBytes(b64);
    if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw new Error(`a ${$ta} array whose length is not a whole number of elements`);
    return new Ctor(bytes.buffer);
  }
  return value;
}

export function encodeRecord(value: unknown): string {
  return JSON.stringify(value, replacer);
}

export function decodeRecord(line: string): unknown {
  return JSON.parse(line, reviver);
}
