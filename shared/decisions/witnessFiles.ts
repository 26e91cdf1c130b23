// Reads a witness of the decision log out of any file the app wrote: a checkpoint file, a backup
// (its readable header), a decisions CSV (every entry's seq and hash) or a report PDF (the head in
// its document title). Files of other kinds are refused with what was expected.
import Papa from 'papaparse';
import { readHeader } from '../backup/container';
import { ledgerWitness, parseLedger } from './checkpoints';
import { readDecisionsCsvCells } from './decisionsCsv';
import type { LogHead } from './chain';
import type { Witness } from './witness';

/** The head as a report PDF's title carries it, e.g. "… · decision log 12:ab34…". */
export const PDF_TITLE_HEAD = /decision log (\d+):([0-9a-f]{64})/;

export function titleWithHead(title: string, head: LogHead): string {
  return `${title} · decision log ${head.seq}:${head.hash}`;
}

/** The document title of a PDF (Chromium writes it as a UTF-16 hex string in the info dictionary). */
export function pdfTitle(bytes: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(bytes);
  const hex = /\/Title\s*<([0-9A-Fa-f\s]+)>/.exec(text);
  if (hex) {
    const h = hex[1]!.replace(/\s/g, '');
    const raw = new Uint8Array(h.length / 2);
    for (let i = 0; i < raw.length; i++) raw[i] = parseInt(h.slice(i * 2, i * 2 + 2), 16);
    if (raw[0] === 0xfe && raw[1] === 0xff) return new TextDecoder('utf-16be').decode(raw.subarray(2));
    return new TextDecoder('latin1').decode(raw);
  }
  const lit = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(text);
  return lit ? lit[1]!.replace(/\\(.)/g, '$1') : null;
}

const HEX64 = /^[0-9a-f]{64}$/;

export async function witnessFromFile(file: Blob, name: string): Promise<Witness> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const start = new TextDecoder('latin1').decode(head);
  if (start.startsWith('FWBACKUP')) {
    const { header } = await readHeader(file);
    return { source: name, at: header.createdAt, heads: header.logHead.seq > 0 ? [header.logHead] : [] };
  }
  if (start.startsWith('%PDF')) {
    if (file.size > 200 * 1024 * 1024) throw new Error(`${name} is larger than any report PDF this app prints`);
    const title = pdfTitle(new Uint8Array(await file.arrayBuffer()));
    const m = title ? PDF_TITLE_HEAD.exec(title) : null;
    if (!m)
      throw new Error(
        `${name} is a PDF, but not a report this app printed: its title does not name the decision log's head, as every report PDF of the app does`,
      );
    return { source: name, at: null, heads: [{ seq: Number(m[1]), hash: m[2]! }] };
  }
  if (file.size > 512 * 1024 * 1024) throw new Error(`${name} is larger than any witness file this app writes`);
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
  if (text.startsWith('{"format":"fraud-workbench-checkpoints"')) {
    const { ledger, problem } = parseLedger(text);
    if (problem) console.warn(`[checkpoint] ${name}: ${problem}`);
    return ledgerWitness(name, { heads: ledger.heads(), restores: ledger.restores, updatedAt: ledger.updatedAt });
  }
  // The app writes it comma-separated: a guessed delimiter took the `; ` inside the rules column for one.
  const fields = Papa.parse<string[]>(text, { preview: 1, delimiter: ',' }).data[0] ?? [];
  if (fields.includes('seq') && fields.includes('hash')) {
    const read = readDecisionsCsvCells(text);
    if (!('entries' in read)) throw new Error(`${name} line ${read.line}: ${read.error}`);
    const heads: LogHead[] = [];
    for (const e of read.entries) {
      if (!HEX64.test(e.hash)) throw new Error(`${name}: entry ${e.seq} has no 64-character hash, so the file cannot witness the log`);
      heads.push({ seq: e.seq, hash: e.hash });
    }
    return {
      source: name,
      at: null,
      heads,
      contents: read.entries.map((e) => ({ seq: e.seq, cells: read.cells.get(e.seq) ?? {} })),
    };
  }
  throw new Error(`${name} is not a witness of the decision log: choose a checkpoint file, a backup, a decisions CSV or a report PDF written by this app`);
}
