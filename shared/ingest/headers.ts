// The header row as the rest of the import sees it: display names for every column (empty ones
// become "Column N"), a matching key per column, and warnings for duplicate or empty names.
import { FileMessages } from './problems';

export interface Header {
  /** Names as shown to the analyst, one per column. */
  names: string[];
  /** Keys for matching column names: case-, space- and BOM-insensitive. */
  keys: string[];
  /** Physical line of the header row. */
  line: number;
}

/** `  Card  Last4 ` and `card last4` match; used for markers and preset mappings alike. */
export function headerKey(name: string): string {
  let s = name;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function readHeader(fields: readonly string[], line: number, messages: FileMessages): Header {
  const names: string[] = [];
  const keys: string[] = [];
  const firstAt = new Map<string, number>();
  for (let i = 0; i < fields.length; i++) {
    const raw = fields[i]!.charCodeAt(0) === 0xfeff ? fields[i]!.slice(1) : fields[i]!;
    const key = headerKey(raw);
    if (key === '') {
      names.push(`Column ${i + 1}`);
      keys.push('');
      // A trailing empty name is the usual trailing delimiter; anywhere else it hides data.
      if (i < fields.length - 1) messages.warn('empty-header', `column ${i + 1} has no name in the header row (line ${line})`, line);
      continue;
    }
    const first = firstAt.get(key);
    if (first !== undefined) {
      messages.warn('duplicate-header', `column ${i + 1} repeats the name of column ${first + 1} (${raw.trim()}); the import reads column ${first + 1}`, line);
    } else {
      firstAt.set(key, i);
    }
    names.push(raw.trim());
    keys.push(key);
  }
  return { names, keys, line };
}

/** First column whose key matches `name`, or -1. */
export function findColumn(header: Header, name: string): number {
  return header.keys.indexOf(headerKey(name));
}
