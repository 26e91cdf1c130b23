// `--format <id>`, `--preset <preset.json>` and `--shop <name>`, the same for every command that reads exports
// (import, rings, report): the wizard's choices, on the command line.
import { readFile } from 'node:fs/promises';
import { BUILT_IN_PRESETS, parseFormatPreset, presetById, type FormatPreset } from '../../../shared/ingest';
import { shopNameProblem } from '../../../shared/ingest/shops';
import { pathIn, type CliIo, type ParsedArgs } from './io';

export interface FormatChoice {
  /** Formats detection chooses among: a saved preset first, then the built-in ones. */
  presets: FormatPreset[];
  /** The format every file is read as, when the analyst named one. */
  chosen?: FormatPreset;
  /** `--shop NAME`: the own shop the files are from (its orders keyed apart, see shared/ingest/shops.ts). */
  shop?: string;
}

export const FORMAT_OPTIONS = ['--format', '--preset', '--shop'] as const;

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
  const shop = a.values.get('--shop');
  if (shop !== undefined) {
    const problem = shopNameProblem(shop);
    if (problem) return `--shop: ${problem}`;
  }
  return { presets, ...(chosen ? { chosen } : {}), ...(shop !== undefined ? { shop } : {}) };
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
