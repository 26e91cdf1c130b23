// A generated CSV streamed to disk a batch of lines at a time, so a million rows never sit in
// memory: the header, then what `fill` writes. Returns the file's size in bytes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export async function writeCsvFile(
  path: string,
  header: readonly string[],
  fill: (write: (lines: readonly string[]) => Promise<void>) => Promise<void>,
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(header.join(',') + '\n');
  await fill(async (lines) => {
    if (lines.length) await write(lines.join('\n') + '\n');
  });
  out.end();
  await once(out, 'finish');
  return bytes;
}
