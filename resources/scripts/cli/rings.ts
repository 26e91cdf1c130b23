// `rings --json <file>...`: imports the files in memory with the app's import core, folds Stripe
// payment card facts into their orders, links them with shared/linking and prints rings and hubs.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { BUILT_IN_PRESETS, importChunks, MemoryKnownRecords, type ClassifiedBatch, type ParsedRecord } from '../../../shared/ingest';
import { buildRings, type LinkOptions } from '../../../shared/linking';
import { isKeyType, type KeyType } from '../../../shared/normalize';
import { out, parseArgs, usageError } from './io';

const CHUNK_BYTES = 1 << 20;
const CLI_KEY_TYPES = ['card', 'device', 'email', 'address', 'phone', 'ip'] as const;

/** The in-memory cache that also keeps the records, as the app's database would. */
class RecordsInMemory extends MemoryKnownRecords {
  readonly orders = new Map<string, Order>();
  readonly payments = new Map<string, Payment>();
  readonly disputes = new Map<string, Dispute>();

  override remember(batch: Pick<ClassifiedBatch, 'created' | 'updated'>): void {
    super.remember(batch);
    for (const r of [...batch.created, ...batch.updated]) this.keep(r);
  }

  private keep(r: ParsedRecord): void {
    // An update overwrites only the fields its file provides, like the app's repository merge.
    const merge = <T extends object>(map: Map<string, T>, value: T): void => {
      const old = map.get(r.key);
      if (!old) return void map.set(r.key, value);
      const next = { ...old } as Record<string, unknown>;
      for (const f of r.provided) next[f] = (value as Record<string, unknown>)[f];
      map.set(r.key, next as T);
    };
    if (r.kind === 'order') merge(this.orders, r.value);
    else if (r.kind === 'payment') merge(this.payments, r.value);
    else merge(this.disputes, r.value);
  }
}

/** Shop exports lack the card fingerprint and IP that the Stripe payment of the order carries. */
function withPaymentFacts(orders: Order[], payments: Iterable<Payment>): Order[] {
  const byRef = new Map<string, Payment>();
  for (const p of payments) if (p.orderRef) byRef.set(p.orderRef, p);
  return orders.map((o) => {
    const p = byRef.get(o.externalId);
    if (!p) return o;
    return {
      ...o,
      cardBin: o.cardBin || p.cardBin, cardLast4: o.cardLast4 || p.cardLast4, cardExpiry: o.cardExpiry || p.cardExpiry,
      cardFingerprint: o.cardFingerprint || p.cardFingerprint, cardBrand: o.cardBrand || p.cardBrand, ip: o.ip || p.ip, email: o.email || p.email,
    };
  });
}

function parseKeys(list: string): KeyType[] | string {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(CLI_KEY_TYPES as readonly string[]).includes(n) || !isKeyType(n));
  return bad.length || names.length === 0 ? `unknown key type ${bad.join(',') || '(none)'}; choose from ${CLI_KEY_TYPES.join(',')}` : (names as KeyType[]);
}

export async function runRings(args: readonly string[], usage: string): Promise<number> {
  const a = parseArgs(args, ['--json'], ['--keys', '--hub-threshold']);
  if (a.unknown.length) return usageError(`rings: unknown option ${a.unknown.join(' ')}`, usage);
  if (!a.flags.has('--json')) return usageError('rings: only --json output is available', usage);
  if (a.positional.length === 0) return usageError('rings: name at least one file', usage);
  // The UI's key choices; account ids always link a customer's own orders (they never join two customers' rings on their own).
  const options: LinkOptions = { keyTypes: [...CLI_KEY_TYPES, 'account'] };
  const keys = a.values.get('--keys');
  if (keys !== undefined) {
    const parsed = parseKeys(keys);
    if (typeof parsed === 'string') return usageError(`rings: ${parsed}`, usage);
    options.keyTypes = [...parsed, 'account'];
  }
  const threshold = a.values.get('--hub-threshold');
  if (threshold !== undefined) {
    if (!/^\d+$/.test(threshold)) return usageError(`rings: --hub-threshold needs a whole number, got ${threshold}`, usage);
    options.hubThreshold = Number(threshold);
  }
  const known = new RecordsInMemory();
  for (const file of a.positional) {
    try {
      const handle = await open(file, 'r');
      await handle.close();
      const summary = await importChunks(createReadStream(file, { highWaterMark: CHUNK_BYTES }), { fileName: path.basename(file), presets: [...BUILT_IN_PRESETS] }, known);
      for (const e of summary.errors) process.stderr.write(`${file}: ${e.message}\n`);
    } catch (e) {
      process.stderr.write(`${file}: cannot read file: ${(e as { code?: string }).code ?? String(e)}\n`);
      return 1;
    }
  }
  const orders = withPaymentFacts([...known.orders.values()], known.payments.values());
  const report = buildRings(orders, [...known.disputes.values()], options);
  const rings = report.rings.filter((r) => r.orders.length >= 2).map((r) => ({
    id: r.id,
    orderIds: r.orderKeys,
    size: r.orders.length,
    keys: Object.fromEntries(Object.entries(r.keys).filter(([type]) => type !== 'account')),
    score: r.metrics.score,
  }));
  const hubs = report.hubs.map((h) => ({ keyType: h.type, value: h.value, customers: h.customers }));
  out(JSON.stringify({ rings, hubs }, null, 2));
  return 0;
}
