// `--format <id>`, `--preset <preset.json>`, `--shop <name>` and `--same-shop`, the same for every command
// that reads exports (import, rings, report): the wizard's choices, on the command line.
import { readFile } from 'node:fs/promises';
import { BUILT_IN_PRESETS, parseFormatPreset, presetById, type FormatPreset } from '../../../shared/ingest';
import { cleanShopName, shopKeyClash, shopNameProblem } from '../../../shared/ingest/shops';
import { pathIn, type CliIo, type ParsedArgs } from './io';

export interface FormatChoice {
  /** Formats detection chooses among: a saved preset first, then the built-in ones. */
  presets: FormatPreset[];
  /** The format every file is read as, when the analyst named one. */
  chosen?: FormatPreset;
  /** The files in the order named, each with the own shop it is from. */
  files: ShopFile[];
  /** `--same-shop`: files of one shop may change each other's orders (ShopClashes). */
  sameShop: boolean;
}

/**
 * A file and the own shop it is from: the `--shop NAME` before it (its orders keyed apart, see
 * shared/ingest/shops.ts), none for the files before the first `--shop` (the own shop, unnamed).
 */
export interface ShopFile {
  file: string;
  shop?: string;
}

export const FORMAT_OPTIONS = ['--format', '--preset', '--shop'] as const;
export const FORMAT_FLAGS = ['--same-shop'] as const;

/** The formats the arguments ask for, or what is wrong with them. */
export async function chooseFormat(a: ParsedArgs, io: CliIo): Promise<FormatChoice | string> {
  const presets: FormatPreset[] = [...BUILT_IN_PRESETS];
  let chosen: FormatPreset | undefined;
  const presetFile = a.values.get('--preset');
  if (presetFile) {
    const loaded = await loadPreset(presetFile, io);
    if (typeof loaded === 'string') return loaded;
    presets.unshift(loaded);
    chosen = loaded;
  }
  const formatId = a.values.get('--format');
  if (formatId) {
    chosen = presetById(formatId, presets);
    if (!chosen) return `unknown format ${formatId} (see: npm run cli -- formats)`;
  }
  const files = filesWithShops(a);
  if (typeof files === 'string') return files;
  return { presets, ...(chosen ? { chosen } : {}), files, sameShop: a.flags.has('--same-shop') };
}

/**
 * Each file with the shop the `--shop` before it names. Two own shops number their orders alike, so
 * one `--shop` for a whole run would file a second shop's #1001 as the first's: it applies to the
 * files after it, up to the next `--shop`. A `--shop` with no file after it is refused, not ignored.
 */
export function filesWithShops(a: Pick<ParsedArgs, 'sequence'>): ShopFile[] | string {
  const files: ShopFile[] = [];
  const names: string[] = [];
  let shop: string | undefined;
  let waiting = false;
  const noFile = () => `--shop ${shop} names no file after it: --shop applies to the files that follow it (--shop NAME <file>...)`;
  for (const s of a.sequence) {
    if ('positional' in s) {
      files.push(shop === undefined ? { file: s.positional } : { file: s.positional, shop });
      waiting = false;
      continue;
    }
    if (s.option !== '--shop') continue;
    if (waiting) return noFile();
    const problem = shopNameProblem(s.value);
    if (problem) return `--shop: ${problem}`;
    const name = cleanShopName(s.value);
    // Two names whose orders would share a key ("Outlet" and "Outlet+") are one shop to the cache.
    const clash = shopKeyClash(name, names);
    if (clash) return `--shop: ${clash}`;
    if (!names.includes(name)) names.push(name);
    shop = name;
    waiting = true;
  }
  return waiting ? noFile() : files;
}

async function loadPreset(file: string, io: CliIo): Promise<FormatPreset | string> {
  let text: string;
  try {
    text = await readFile(pathIn(io, file), 'utf8');
  } catch (e) {
    return `cannot read preset ${file}: ${errorCode(e)}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `preset ${file} is not JSON`;
  }
  const parsed = parseFormatPreset(json);
  return parsed.ok ? parsed.preset : `preset ${file} is not valid: ${parsed.error}`;
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : 'unknown error';
}
