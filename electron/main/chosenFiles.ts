// Reads the files an analyst picked in the open dialog and hands their bytes to the
// renderer, refusing selections too large to cross the IPC boundary in one reply.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Total bytes one `dialog:open-files` reply may carry. Electron crashes when a single IPC
 * message outgrows V8's ~512 MiB serialisation buffer (electron/electron#53961), so the
 * cap sits below that with headroom for names. Bigger exports go through browser mode's
 * streaming File API or must be split.
 */
export const MAX_IMPORT_BYTES = 480 * 1024 * 1024;

export interface ChosenFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Checks every file before reading any, so a selection that is over the cap (or includes
 * a folder or device) fails fast with a message the analyst can act on.
 */
export async function readChosenFiles(paths: readonly string[], maxBytes: number = MAX_IMPORT_BYTES): Promise<ChosenFile[]> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportRefusedError(`"${basename(path)}" is not a regular file and cannot be imported.`);
    total += info.size;
  }
  if (total > maxBytes) {
    throw new ImportRefusedError(
      `The chosen files total ${mebibytes(total)}, over the ${mebibytes(maxBytes)} limit for one import. ` +
        'Import fewer files at a time, or split the export.',
    );
  }
  const files: ChosenFile[] = [];
  let read = 0;
  for (const path of paths) {
    const bytes = await readFile(path);
    read += bytes.byteLength;
    // A file still being written by another program may have grown since the check.
    if (read > maxBytes) throw new ImportRefusedError(`The chosen files grew past the ${mebibytes(maxBytes)} limit while being read.`);
    // readFile allocates a plain (never shared) ArrayBuffer; the type just cannot say so.
    files.push({ name: basename(path), bytes: bytes as Uint8Array<ArrayBuffer> });
  }
  return files;
}
