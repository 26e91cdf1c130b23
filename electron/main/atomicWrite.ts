// Crash-safe file writes for exports and backups: the data goes to a temporary file in
// the same folder, is flushed to disk, then renamed over the target in one step.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `targetPath` so that a reader (or a crash) sees either the old file or
 * the complete new one, never half a backup. The temp file sits next to the target
 * because rename is only atomic within one file system.
 */
export async function writeFileAtomic(targetPath: string, data: string | Uint8Array): Promise<void> {
  const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  let renamed = false;
  try {
    // 0600: exports and backups hold customer data; other accounts on the machine get nothing.
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, targetPath);
    renamed = true;
  } finally {
    if (!renamed) await rm(tempPath, { force: true });
  }
}
