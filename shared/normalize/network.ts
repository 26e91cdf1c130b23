// Where a checkout came from: exact IP (medium), its /24 or IPv6 /64 network (weak), and the
// device id of the shop's fingerprinting script. Private and placeholder values never link.

import { isPlaceholderId, withoutInvisible } from './text';

export interface IpKeys {
  exact: string;
  network: string;
}

function ipv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

/** Private, loopback, link-local, carrier-grade NAT, benchmarking, multicast and reserved (255.255.255.255 too): no one's address. */
function isPrivateV4([a, b]: number[]): boolean {
  return (
    a === 10 ||
    (a as number) >= 224 ||
    (a === 198 && (b === 18 || b === 19)) ||
    a === 127 ||
    a === 0 ||
    (a === 172 && (b as number) >= 16 && (b as number) <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && (b as number) >= 64 && (b as number) <= 127)
  );
}

/** Eight 16-bit groups, or null; "::" expanded so "2003:0db8::1" and "2003:db8:0:0::1" agree. */
function ipv6Groups(s: string): number[] | null {
  if (!/^[0-9a-f:]+$/.test(s) || s.split('::').length > 2) return null;
  const [head = '', tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0 || (tail === undefined && h.length !== 8)) return null;
  const groups = [...h, ...Array<string>(fill).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * An IP cell's link keys. A cell may hold a forwarded-for chain (`client, proxy, proxy`): the client's
 * is the first public address in it. A port (`203.0.113.7:443`, `[2001:db8::1]:443`) and an IPv6
 * zone (`%eth0`) are not part of the address.
 */
export function normaliseIp(raw: string): IpKeys | null {
  if (raw.indexOf(',') < 0 && raw.trim().indexOf(' ') < 0) return oneIp(raw);
  for (const part of raw.split(/[,\s]+/)) {
    const keys = oneIp(part);
    if (keys) return keys;
  }
  return null;
}

function oneIp(raw: string): IpKeys | null {
  let s = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1] as string;
  else {
    const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s);
    if (v4WithPort) s = v4WithPort[1] as string;
  }
  s = s.replace(/%[\w.-]+$/, '');
  if (!s) return null;
  const v4 = ipv4(s.replace(/^::ffff:/, ''));
  if (v4) {
    if (isPrivateV4(v4)) return null;
    return { exact: v4.join('.'), network: `${v4.slice(0, 3).join('.')}.0/24` };
  }
  const v6 = ipv6Groups(s);
  if (!v6 || v6[0] === 0 || ((v6[0] as number) & 0xfe00) === 0xfc00 || ((v6[0] as number) & 0xffc0) === 0xfe80) return null;
  const hex = v6.map((g) => g.toString(16));
  return { exact: hex.join(':'), network: `${hex.slice(0, 4).join(':')}::/64` };
}

export function normaliseDeviceId(raw: string): string | null {
  const s = withoutInvisible(raw).trim().toLowerCase();
  return s.length >= 6 && !isPlaceholderId(s) ? s : null;
}
