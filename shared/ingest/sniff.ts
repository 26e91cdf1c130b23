// A first look at a file for the import wizard: encoding, delimiter, header row, the first rows,
// which known formats fit and a suggested mapping, from the file's first bytes only.
import { binaryFileKind, detectEncoding, notTextMessage, StreamDecoder, type EncodingGuess, type SingleByteEncoding, type TextEncodingName } from './decode';
import { CsvRecordStream } from './csvStream';
import { detectLayout, type Delimiter } from './delimiter';
import { RECORD_KINDS, type RecordKind } from './fields';
import type { FormatPreset } from './formats/preset';
import { BUILT_IN_PRESETS, namesAFormat, rankFormats, type FormatMatch } from './formats/registry';
import type { Header } from './headers';
import { LineEndingNormaliser, noLineBreaksMessage } from './lineEndings';
import { FileMessages, type FileMessage } from './problems';
import { suggestMapping, type MappingSuggestion } from './suggest';

export interface SniffOptions {
  /** True when `head` is the whole file (no partial last line to drop). */
  wholeFile: boolean;
  presets?: readonly FormatPreset[];
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  headerLine?: number;
  previewRows?: number;
}

export interface SniffResult {
  encoding: TextEncodingName | null;
  /**
   * False when the bytes looked at were plain ASCII and the file goes on past them: it is read as
   * UTF-8 until a byte says it is Windows-1252, which may come later (decode.ts).
   */
  encodingSure: boolean;
  /** The single-byte code page a later non-ASCII byte switches an unsure file to (Mac Roman for Excel for Mac's CR line ends). */
  encodingFallback: SingleByteEncoding;
  delimiter: Delimiter | null;
  headerLine: number | null;
  columns: string[];
  preview: { line: number; fields: string[] }[];
  /** Presets the file fits, then near misses (sharing a marker specific to the format), best first. */
  formats: FormatMatch[];
  /** Suggested mappings per record kind, for files no preset fits. */
  suggestions: Record<RecordKind, MappingSuggestion[]>;
  errors: FileMessage[];
  warnings: FileMessage[];
}

export function sniff(head: Uint8Array, options: SniffOptions): SniffResult {
  const messages = new FileMessages();
  const result: SniffResult = {
    encoding: null,
    encodingSure: true,
    encodingFallback: 'windows-1252',
    delimiter: null,
    headerLine: null,
    columns: [],
    preview: [],
    formats: [],
    suggestions: { orders: [], payments: [], disputes: [], claims: [] },
    errors: [],
    warnings: [],
  };
  const done = () => ({ ...result, errors: messages.errors, warnings: messages.warnings });
  if (head.length === 0) {
    messages.error('empty-file', 'the file is empty');
    return done();
  }
  const binary = binaryFileKind(head);
  if (binary) {
    messages.error('not-text', notTextMessage(binary, head));
    return done();
  }
  const guess: EncodingGuess = options.encoding ? { encoding: options.encoding, bom: false, confident: true } : detectEncoding(head);
  const decoder = new StreamDecoder(guess);
  const newlines = new LineEndingNormaliser();
  let text = newlines.push(decoder.push(head));
  result.encoding = decoder.report().encoding;
  result.encodingSure = guess.confident || options.wholeFile;
  result.encodingFallback = guess.fallback ?? 'windows-1252';
  if (options.wholeFile) text += newlines.push(decoder.end()) + newlines.end();
  else {
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak === -1) {
      messages.error('no-line-breaks', noLineBreaksMessage(head.length));
      return done();
    }
    text = text.slice(0, lastBreak + 1);
  }
  // Only the head was read: say so rather than speak for the whole file.
  const onlyBlank = options.wholeFile
    ? 'the file has no header row: it holds only blank lines'
    : `the file has no header row in its first ${Math.floor(head.length / 1024)} KiB: they hold only blank lines`;
  const layout = detectLayout(text, options.delimiter, namesAFormat(options.presets ?? BUILT_IN_PRESETS));
  if (!layout) {
    messages.error('no-header', onlyBlank);
    return done();
  }
  result.delimiter = layout.delimiter;
  result.headerLine = options.headerLine ?? layout.headerLine;
  let header: Header | null = null;
  const limit = options.previewRows ?? 20;
  const csv = new CsvRecordStream(
    { delimiter: layout.delimiter, headerLine: result.headerLine },
    {
      header: (h) => (header = h),
      row: (fields, line) => {
        if (result.preview.length < limit) result.preview.push({ line, fields });
      },
      problem: () => undefined,
    },
    messages,
  );
  csv.push(text);
  csv.end();
  if (!header) {
    messages.error('no-header', onlyBlank);
    return done();
  }
  const h: Header = header;
  result.columns = h.names;
  result.formats = rankFormats(h, options.presets ?? BUILT_IN_PRESETS);
  for (const kind of RECORD_KINDS) result.suggestions[kind] = suggestMapping(h.names, kind).suggestions;
  return done();
}
