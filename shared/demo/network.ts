// Where shop checkouts come from: home and mobile IPs in plausible residential ranges of the
// customer's country (IPv6 for some), and stable per-device ids. Unique per customer, so only
// planted rings and the corporate proxy share an IP.

import { COUNTRIES, type Country } from './names';
import { Permutation, hash3, hex32, rngFor } from './prng';
import { panSafeToken } from './pan-guard';
import { STREAM } from './streams';

type Block = readonly [a: number, b: number, prefix: number];

// Large consumer-broadband allocations in each country (approximate, for realism only).
const V4: Record<Country, readonly Block[]> = {
  DE: [
    [79, 192, 10],
    [91, 0, 10],
    [84, 128, 10],
    [2, 200, 13],
    [31, 16, 12],
  ],
  AT: [
    [80, 108, 14],
    [178, 112, 13],
    [91, 112, 14],
  ],
  NL: [
    [82, 168, 14],
    [84, 24, 13],
    [145, 128, 11],
  ],
  PL: [
    [83, 0, 11],
    [89, 64, 12],
  ],
  FR: [
    [90, 0, 9],
    [86, 192, 11],
  ],
};
const V6: Record<Country, string> = { DE: '2003', AT: '2a02:8388', NL: '2001:1c00', PL: '2a01:110f', FR: '2a01:cb00' };

/** Data-centre / VPN exits that fraud rings check out through. */
const HOSTING: readonly Block[] = [
  [185, 220, 16],
  [45, 134, 16],
  [193, 176, 16],
  [146, 70, 16],
];

const usable = (b: Block): number => 2 ** (32 - b[2] - 8) * 254;

function addressIn(blocks: readonly Block[], x: number): string {
  let rest = x;
  for (const b of blocks) {
    const n = usable(b);
    if (rest < n) {
      const subnet = Math.floor(rest / 254);
      const c = subnet % 256;
      const bOctet = b[1] + Math.floor(subnet / 256);
      return `${b[0] + Math.floor(bOctet / 256)}.${bOctet % 256}.${c}.${(rest % 254) + 1}`;
    }
    rest -= n;
  }
  throw new RangeError(`IP index ${x} outside the pool`);
}

export class NetworkSpace {
  private readonly pools: Map<Country, { blocks: readonly Block[]; perm: Permutation }>;
  private readonly hosting: Permutation;

  constructor(private readonly seed: number) {
    this.pools = new Map(
      COUNTRIES.map((c, i) => {
        const size = V4[c].reduce((sum, b) => sum + usable(b), 0);
        return [c, { blocks: V4[c], perm: new Permutation(size, hash3(seed, STREAM.ip, i)) }] as const;
      }),
    );
    this.hosting = new Permutation(
      HOSTING.reduce((sum, b) => sum + usable(b), 0),
      hash3(seed, STREAM.ip, 99),
    );
  }

  /** Slot 0 is the home line, slot 1 the phone's mobile connection. */
  ipv4(country: Country, localKey: number, slot: 0 | 1): string {
    const pool = this.pools.get(country) as { blocks: readonly Block[]; perm: Permutation };
    return addressIn(pool.blocks, pool.perm.apply((localKey * 2 + slot) % pool.perm.n));
  }

  /** Stable IPv6 of a home line (about one customer in six has one). */
  ipv6(country: Country, key: number): string {
    const rng = rngFor(this.seed, STREAM.ip, key);
    const groups = V6[country].split(':');
    while (groups.length < 4) groups.push(rng.int(0x10000).toString(16));
    for (let i = 0; i < 4; i++) groups.push((rng.int(0xffff) + 1).toString(16));
    return groups.join(':');
  }

  usesIpv6(key: number): boolean {
    return hash3(this.seed, STREAM.ip, key) % 100 < 16;
  }

  /** The home connection: IPv6 for some households, IPv4 for the rest. */
  homeIp(country: Country, key: number, localKey: number): string {
    return this.usesIpv6(key) ? this.ipv6(country, key) : this.ipv4(country, localKey, 0);
  }

  /** The n-th hosting/VPN exit address; distinct n give distinct, scattered addresses. */
  hostingIp(n: number): string {
    return addressIn(HOSTING, this.hosting.apply(n % this.hosting.n));
  }

  /** A browser/device id as a checkout fingerprinting script reports it (uuid v4). */
  deviceId(key: number, slot: number): string {
    const k = key * 3 + slot;
    let hex = '';
    for (let i = 0; i < 4; i++) hex += hex32(hash3(this.seed, k, STREAM.device + i * 0x100));
    return NetworkSpace.uuid(hex);
  }

  static uuid(hex: string): string {
    const v = '89ab'[parseInt(hex[16] as string, 16) & 3];
    // Position 14 holds the version digit "4" and must stay.
    return panSafeToken(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${v}${hex.slice(17, 20)}-${hex.slice(20, 32)}`, [14]);
  }
}
