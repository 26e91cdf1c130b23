// `rings --json <file>...`: imports the files in memory with the app's import core, folds Stripe
// payment card facts into their orders, links them with shared/linking and prints rings and hubs.
import { buildRings, type LinkOptions } from '../../../shared/linking';
import { isKeyType, type KeyType } from '../../../shared/normalize';
import { out, parseArgs, usageError, type CliIo } from './io';
import { importFiles } from './memoryImport';
import { chooseFormat, FORMAT_FLAGS, FORMAT_OPTIONS } from './formatChoice';

const CLI_KEY_TYPES = ['card', 'device', 'email', 'address', 'phone', 'ip'] as const;

function parseKeys(list: string): KeyType[] | string {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(CLI_KEY_TYPES as readonly string[]).includes(n) || !isKeyType(n));
  return bad.length || names.length === 0 ? `unknown key type ${bad.join(',') || '(none)'}; choose from ${CLI_KEY_TYPES.join(',')}` : (names as KeyType[]);
}

export async function runRings(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const a = parseArgs(args, ['--json', ...FORMAT_FLAGS], ['--keys', '--hub-threshold', ...FORMAT_OPTIONS]);
  if (a.unknown.length) return usageError(io, `rings: unknown option ${a.unknown.join(' ')}`, usage);
  if (!a.flags.has('--json')) return usageError(io, 'rings: only --json output is available', usage);
  if (a.positional.length === 0) return usageError(io, 'rings: name at least one file', usage);
  // The UI's key choices; account ids always link a customer's own orders (they never join two customers' rings on their own).
  const options: LinkOptions = { keyTypes: [...CLI_KEY_TYPES, 'account'] };
  const keys = a.values.get('--keys');
  if (keys !== undefined) {
    const parsed = parseKeys(keys);
    if (typeof parsed === 'string') return usageError(io, `rings: ${parsed}`, usage);
    options.keyTypes = [...parsed, 'account'];
  }
  const threshold = a.values.get('--hub-threshold');
  if (threshold !== undefined) {
    if (!/^\d+$/.test(threshold)) return usageError(io, `rings: --hub-threshold needs a whole number, got ${threshold}`, usage);
    options.hubThreshold = Number(threshold);
  }
  const choice = await chooseFormat(a, io);
  if (typeof choice === 'string') return usageError(io, `rings: ${choice}`, usage);
  const imported = await importFiles(io, choice);
  if (typeof imported === 'number') return imported;
  const report = buildRings(imported.orders, imported.disputes, options);
  const rings = report.rings
    .filter((r) => r.orders.length >= 2)
    .map((r) => ({
      id: r.id,
      orderIds: r.orderKeys,
      size: r.orders.length,
      keys: Object.fromEntries(Object.entries(r.keys).filter(([type]) => type !== 'account')),
      score: r.metrics.score,
    }));
  const hubs = report.hubs.map((h) => ({ keyType: h.type, value: h.value, customers: h.customers }));
  out(io, JSON.stringify({ rings, hubs }, null, 2));
  return 0;
}
