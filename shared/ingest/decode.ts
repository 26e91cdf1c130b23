// Bytes to text for exports of any origin: detects UTF-8 (with or without BOM), UTF-16 LE/BE
// (by BOM or NUL pattern) and the single-byte code pages of Western and Central European Excel
// (Windows-1252, Windows-1250, ISO-8859-2) and of Excel for Mac (Mac Roman), and decodes byte
// chunks without splitting characters.
import { concatBytes } from '../bytes';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

/** Code pages of one byte a character: every byte is a character, and an LF byte a line break. */
export type SingleByteEncoding = 'windows-1252' | 'windows-1250' | 'iso-8859-2' | 'macintosh';

export interface EncodingGuess {
  encoding: TextEncodingName;
  bom: boolean;
  /**
   * False when the sniffed bytes were plain ASCII: the file is read as UTF-8 until a byte says
   * otherwise, and then as Windows-1252 (European Excel exports often have their first umlaut late).
   */
  confident: boolean;
  /** The code page such a file is read in from its first byte that is not UTF-8, when not Windows-1252. */
  fallback?: SingleByteEncoding;
}

/**
 * A spreadsheet workbook told by its bytes, whatever the file is named: an OpenDocument
 * spreadsheet (a ZIP whose first entry, `mimetype`, says so), any other ZIP (an .xlsx is one), or
 * an OLE compound file (.xls). Null for anything else.
 */
export function spreadsheetKind(head: Uint8Array): string | null {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    // ZIP local file header: name length at 26, extra length at 28, name at 30, then the data.
    const nameLength = b(26) + (b(27) << 8);
    const at = 30 + nameLength + b(28) + (b(29) << 8);
    const ascii = (from: number, length: number) => String.fromCharCode(...head.subarray(from, from + length));
    if (ascii(30, nameLength) === 'mimetype' && ascii(at, 46) === 'application/vnd.oasis.opendocument.spreadsheet') return 'an OpenDocument spreadsheet (.ods)';
    return 'an Excel workbook (.xlsx) or another ZIP archive';
  }
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return 'an old Excel workbook (.xls)';
  return null;
}

/** The error for a file that is not text (binaryFileKind): a spreadsheet is to be saved as CSV first. */
export function notTextMessage(kind: string, head: Uint8Array): string {
  const sheet = spreadsheetKind(head) !== null;
  return `this is not a text export: it looks like ${kind}${sheet ? '. Open it in your spreadsheet program, save it as CSV (UTF-8) and import that' : ''}`;
}

/** Recognises files that are not text exports at all, so the analyst gets a useful message. */
export function binaryFileKind(head: Uint8Array): string | null {
  const b = (i: number) => head[i] ?? -1;
  const sheet = spreadsheetKind(head);
  if (sheet) return sheet;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'a PDF document';
  if (b(0) === 0x1f && b(1) === 0x8b) return 'a gzip archive';
  if (utf16ByBom(head) || utf16ByNulPattern(head)) return null;
  // A stray NUL or control byte in a text export sets its row aside; a file full of them is not text.
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c < 0x09 || (c > 0x0d && c < 0x20)) control++;
  }
  return n > 0 && control * 20 > n ? 'a binary file (it is mostly control bytes)' : null;
}

function utf16ByBom(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE. */
function utf16ByNulPattern(head: Uint8Array): TextEncodingName | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd * 10 >= pairs * 7 && even * 10 < pairs) return 'utf-16le';
  if (even * 10 >= pairs * 7 && odd * 10 < pairs) return 'utf-16be';
  return null;
}

export function detectEncoding(head: Uint8Array): EncodingGuess {
  const bomUtf16 = utf16ByBom(head);
  if (bomUtf16) return { encoding: bomUtf16, bom: true, confident: true };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true, confident: true };
  const patternUtf16 = utf16ByNulPattern(head);
  if (patternUtf16) return { encoding: patternUtf16, bom: false, confident: true };
  let ascii = true;
  for (let i = 0; i < head.length; i++) {
    if (head[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  // Lines ended by CR alone say Excel for Mac, whose later umlauts are Mac Roman.
  if (ascii)
    return macLineBreaks(head)
      ? { encoding: 'utf-8', bom: false, confident: false, fallback: 'macintosh' }
      : { encoding: 'utf-8', bom: false, confident: false };
  try {
    // stream: true so a character cut off at the end of the sample is not held against UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false, confident: true };
  } catch {
    // Mostly UTF-8 with some bytes that are not (two exports joined, rows a spreadsheet saved in its
    // code page): read as a code page, every UTF-8 letter of the file would turn into two, silently.
    // As UTF-8, only the stray bytes are replaced, and counted. A code page's text rarely pairs as UTF-8.
    if (utf8Evidence(head) > 0) return { encoding: 'utf-8', bom: false, confident: true };
    return { encoding: macLineBreaks(head) ? 'macintosh' : singleByteEncodingOf(head), bom: false, confident: true };
  }
}

/** Whole multi-byte UTF-8 characters in `b` less its byte sequences that are not UTF-8. */
function utf8Evidence(b: Uint8Array): number {
  let score = 0;
  for (let at = 0; at < b.length;) {
    const found = firstUtf8Evidence(at === 0 ? b : b.subarray(at));
    if (found.kind === 'none') break;
    score += found.kind === 'multibyte' ? 1 : -1;
    at += found.at + 1;
    // Past the whole character (its continuation bytes), not into it.
    while (found.kind === 'multibyte' && at < b.length && (b[at]! & 0xc0) === 0x80) at++;
  }
  return score;
}

/**
 * Lines ended by CR alone, as Excel for Mac ends them in the CSV it saves in the Mac's code page,
 * Mac Roman (no CR LF, more lone CRs than LFs: a cell's own line breaks may be LFs).
 */
function macLineBreaks(head: Uint8Array): boolean {
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 10) lf++;
    else if (b === 13) {
      if (head[i + 1] === 10) return false;
      cr++;
    }
  }
  return cr > lf;
}

const SINGLE_BYTE: readonly SingleByteEncoding[] = ['windows-1252', 'windows-1250', 'iso-8859-2'];
/** Per code page, whether each byte 0x80-0xFF is a letter in it. */
let lettersOf: readonly (readonly boolean[])[] | undefined;

/**
 * Which single-byte code page text that is not UTF-8 is in. Western (Windows-1252) and Central
 * European pages (Windows-1250 as Polish and Czech Excel saves, ISO-8859-2) agree on ASCII and
 * mostly on 0xC0-0xFF; they differ in 0x80-0xBF, where Ł ł ą ś ż of the one are £ ³ ¹ œ ¿ of the
 * other. A byte there that a letter follows is a letter of the word: the page that reads the fewest
 * of them as no letter is the file's, Windows-1252 unless another reads at least two more as
 * letters. ¡ ¿ « » open Spanish and French words, and read as letters only in Latin-2: not counted.
 */
export function singleByteEncodingOf(bytes: Uint8Array): SingleByteEncoding {
  lettersOf ??= SINGLE_BYTE.map((e) => {
    const letter = /\p{L}/u;
    const out: boolean[] = [];
    for (let b = 0x80; b <= 0xff; b++) out.push(letter.test(decodeSingleByte(Uint8Array.of(b), e)));
    return out;
  });
  const notLetters = [0, 0, 0];
  const n = bytes.length;
  for (let i = 0; i + 1 < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80 || b >= 0xc0 || b === 0xa1 || b === 0xbf || b === 0xab || b === 0xbb) continue;
    const next = bytes[i + 1]!;
    // A letter follows: ASCII, or 0xC0-0xFF (letters in every one of these pages but × and ÷).
    if (!((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || (next >= 0xc0 && next !== 0xd7 && next !== 0xf7))) continue;
    for (let k = 0; k < SINGLE_BYTE.length; k++) if (!lettersOf[k]![b - 0x80]) notLetters[k]!++;
  }
  let best = 0;
  for (let k = 1; k < SINGLE_BYTE.length; k++) if (notLetters[k]! + 2 <= notLetters[0]! && notLetters[k]! < notLetters[best]!) best = k;
  return SINGLE_BYTE[best]!;
}

/** Text of bytes in a single-byte code page. */
function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

// Windows-1252 differs from Latin-1 in 0x80-0x9F. Decoded by table because Node's TextDecoder
// maps 'windows-1252' to Latin-1 (0x80 -> U+0080 instead of the euro sign), unlike browsers.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const utf16leDecoder = new TextDecoder('utf-16le');

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
  }
  // Uint16Array is little-endian on every platform that runs this app.
  return utf16leDecoder.decode(units);
}

export interface DecoderReport {
  encoding: TextEncodingName;
  /** Byte offset of the first byte that was not UTF-8, when a tentative UTF-8 reading turned out to be Windows-1252. */
  switchedAt?: number;
  /** Invalid UTF-8 sequences replaced by U+FFFD. */
  replaced: number;
}

/** Turns byte chunks into text chunks; multi-byte characters split across chunks come out whole. */
export class StreamDecoder {
  private encoding: TextEncodingName;
  private tentative: boolean;
  private decoder: TextDecoder | null;
  /** A tentative reading has decoded a whole multi-byte UTF-8 character: the file is UTF-8. */
  private sawNonAscii = false;
  /** In a tentative reading: the bytes of an unfinished character the decoder holds from the last push. */
  private held: Uint8Array = NO_BYTES;
  private bytesSeen = 0;
  private switchedAt: number | undefined;
  private replaced = 0;
  /** The last push's last bytes (one fewer than an encoded U+FFFD), to find one encoded across two pushes. */
  private tail: Uint8Array = NO_BYTES;
  /** The code page a tentative reading switches to (told by the head, so not by where pushes are cut). */
  private readonly fallback: SingleByteEncoding;

  constructor(guess: EncodingGuess) {
    this.encoding = guess.encoding;
    this.tentative = guess.encoding === 'utf-8' && !guess.confident;
    this.fallback = guess.fallback ?? 'windows-1252';
    this.decoder = this.makeDecoder();
  }

  /** A decoder taking over mid-file keeps a U+FEFF it meets: only a file's first bytes are a BOM. */
  private makeDecoder(midFile = false): TextDecoder | null {
    if (this.encoding === 'windows-1252') return null;
    if (this.encoding === 'windows-1250' || this.encoding === 'iso-8859-2' || this.encoding === 'macintosh') return new TextDecoder(this.encoding);
    return new TextDecoder(this.encoding, { fatal: this.tentative, ignoreBOM: midFile });
  }

  /**
   * The text of `bytes`. A tentative UTF-8 reading decides as a reading of the whole file would,
   * wherever the pushes are cut: UTF-8 if a whole multi-byte character comes before the first
   * byte that is not UTF-8, else Windows-1252 from that push on (what came before was ASCII).
   */
  push(bytes: Uint8Array): string {
    const offset = this.bytesSeen;
    this.bytesSeen += bytes.length;
    if (!this.decoder) return decodeWindows1252(bytes);
    if (!this.tentative) return this.count(this.decoder.decode(bytes, { stream: true }), bytes, offset);
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      return this.recover(bytes, offset);
    }
    // Only a decoded character says so: a push that ends in the first byte of one (0xE9, an é in
    // Windows-1252) says nothing yet.
    if (!this.sawNonAscii && NON_ASCII.test(text)) this.sawNonAscii = true;
    this.held = unfinishedUtf8(this.held, bytes);
    return this.count(text, bytes, offset);
  }

  end(): string {
    if (!this.decoder) return '';
    if (this.tentative) {
      const held = this.held;
      this.held = NO_BYTES;
      if (held.length === 0) return '';
      // The file ends inside a character: UTF-8 with one replaced if UTF-8 was seen, else Windows-1252.
      this.tentative = false;
      if (this.sawNonAscii) {
        this.replaced++;
        return '\ufffd';
      }
      return this.switchToFallback(held, this.bytesSeen - held.length);
    }
    try {
      return this.count(this.decoder.decode(), NO_BYTES, this.bytesSeen);
    } catch {
      this.replaced++;
      return '\ufffd';
    }
  }

  /** A tentative reading met a byte that is not UTF-8 in this push (or in the character held from the last). */
  private recover(bytes: Uint8Array, offset: number): string {
    const held = this.held;
    const all = held.length === 0 ? bytes : concatBytes([held, bytes]);
    this.held = NO_BYTES;
    this.tentative = false;
    const evidence = this.sawNonAscii ? null : firstUtf8Evidence(all);
    if (evidence && evidence.kind !== 'multibyte') return this.switchToFallback(all, offset - held.length + evidence.at);
    this.decoder = this.makeDecoder(offset - held.length > 0);
    return this.count(this.decoder!.decode(all, { stream: true }), bytes, offset);
  }

  /**
   * Everything so far was ASCII, which reads the same in every single-byte code page: `bytes` and
   * the rest are read in the fallback the head told, Windows-1252 unless it said Mac (`at`: the
   * first byte that was not UTF-8). Not another code page by what this push holds: the file would
   * read differently as its pushes are cut (a Central European file has its first letter beyond
   * ASCII within the 64 KiB sniffed, where detectEncoding tells the page).
   */
  private switchToFallback(bytes: Uint8Array, at: number): string {
    this.encoding = this.fallback;
    this.switchedAt = at;
    this.decoder = this.makeDecoder();
    return this.decoder ? this.decoder.decode(bytes, { stream: true }) : decodeWindows1252(bytes);
  }

  /**
   * Counts the replacement characters decoding put in `text`, the text of the push of `bytes`
   * (at `offset` in the file): those in it less the ones the file itself holds (an export whose
   * system replaced a character before it wrote the file is valid text, not bytes that are not
   * UTF-8). The bytes are searched only when the text holds one.
   */
  private count(text: string, bytes: Uint8Array, offset: number): string {
    let found = 0;
    for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) found++;
    if (found > 0) this.replaced += Math.max(0, found - this.genuineReplacementChars(bytes, offset));
    const keep = this.fffdBytes().length - 1;
    this.tail = bytes.length >= keep ? bytes.slice(bytes.length - keep) : concatBytes([this.tail, bytes]).slice(-keep);
    return text;
  }

  /**
   * U+FFFD characters the file encodes whose last byte is in `bytes` (at `offset` in the file): a
   * decoder puts each in the text of this push. EF BF BD in UTF-8; FD FF (LE) or FF FD (BE) at an
   * even offset in UTF-16.
   */
  /** U+FFFD as this file's encoding writes it. */
  private fffdBytes(): readonly number[] {
    return this.encoding === 'utf-8' ? FFFD_UTF8 : this.encoding === 'utf-16le' ? FFFD_UTF16LE : FFFD_UTF16BE;
  }

  private genuineReplacementChars(bytes: Uint8Array, offset: number): number {
    const pattern = this.fffdBytes();
    const align = this.encoding === 'utf-8' ? 1 : 2;
    // Matches starting in b before `end`, b[0] being at `at` in the file (a match running past b's end is none).
    const matches = (b: Uint8Array, end: number, at: number) => {
      let n = 0;
      for (let i = b.indexOf(pattern[0]!); i !== -1 && i < end; i = b.indexOf(pattern[0]!, i + 1))
        if ((at + i) % align === 0 && pattern.every((x, k) => b[i + k] === x)) n++;
      return n;
    };
    const tail = this.tail;
    // Ones that began in the last push's bytes, then the ones in this push's.
    return (
      (tail.length > 0 ? matches(concatBytes([tail, bytes.subarray(0, pattern.length - 1)]), tail.length, offset - tail.length) : 0) +
      matches(bytes, bytes.length, offset)
    );
  }

  /**
   * Whether bytes may be decoded in pieces cut after any LF byte with the same text as a whole:
   * an LF byte is always a line break in UTF-8 and the single-byte code pages, and neither is still
   * being tried (a tentative UTF-8 reading may switch encoding, and where depends on the pieces).
   */
  cutsAtLineBreaks(): boolean {
    return (
      this.encoding === 'windows-1252' || this.encoding === 'windows-1250' || this.encoding === 'iso-8859-2' || (this.encoding === 'utf-8' && !this.tentative)
    );
  }

  report(): DecoderReport {
    const r: DecoderReport = { encoding: this.encoding, replaced: this.replaced };
    if (this.switchedAt !== undefined) r.switchedAt = this.switchedAt;
    return r;
  }
}

const NO_BYTES = new Uint8Array(0);
const FFFD_UTF8 = [0xef, 0xbf, 0xbd];
const FFFD_UTF16LE = [0xfd, 0xff];
const FFFD_UTF16BE = [0xff, 0xfd];
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The bytes at the end of `held` then `bytes` that start a UTF-8 character and do not finish it:
 * what a streaming decoder that took them without an error holds back (at most 3).
 */
export function unfinishedUtf8(held: Uint8Array, bytes: Uint8Array): Uint8Array {
  const tail = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : concatBytes([held, bytes]).subarray(-3);
  for (let j = tail.length - 1; j >= 0; j--) {
    const c = tail[j]!;
    if (c < 0x80) return NO_BYTES;
    if (c >= 0xc0) return tail.length - j < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) ? tail.slice(j) : NO_BYTES;
  }
  // Three continuation bytes end a four-byte character the decoder took whole.
  return NO_BYTES;
}

/**
 * What bytes that start at a character say of UTF-8 first, and where: a whole multi-byte
 * character, a byte sequence that is not UTF-8, or neither (ASCII, or a character unfinished at
 * the end, `at` then where it starts or the length).
 */
export function firstUtf8Evidence(b: Uint8Array): { kind: 'multibyte' | 'invalid' | 'none'; at: number } {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return { kind: 'invalid', at: i };
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    let lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    let hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return { kind: 'none', at: i };
      const d = b[i + k]!;
      if (d < lo || d > hi) return { kind: 'invalid', at: i };
      lo = 0x80;
      hi = 0xbf;
    }
    return { kind: 'multibyte', at: i };
  }
  return { kind: 'none', at: b.length };
}
