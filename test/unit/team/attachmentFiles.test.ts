// The one check a dispute file passes where it arrives, at the server from its author and at a
// teammate's laptop from the server: within the size, exactly the bytes its SHA-256 names, and of a
// type a laptop attaches, told by content.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../../shared/disputes/attachments';
import { attachmentFilePath, checkReceivedFile } from '../../../shared/team';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url)));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a received attachment file', () => {
  it('is taken when its bytes are the ones named, with the type its content says', async () => {
    const pdf = fixture('delivery-confirmation.pdf');
    expect(await checkReceivedFile(pdf, sha256(pdf), 'delivery-confirmation.pdf')).toEqual({ ok: true, type: 'pdf' });
    const png = fixture('proof-of-delivery.png');
    expect(await checkReceivedFile(png.subarray(0), sha256(png), 'scan.pdf')).toEqual({ ok: true, type: 'png' });
  });

  it('is refused, named, when one byte differs from the file its SHA-256 names', async () => {
    const pdf = fixture('delivery-confirmation.pdf');
    const changed = new Uint8Array(pdf);
    changed[200] = changed[200]! ^ 1;
    expect(await checkReceivedFile(changed, sha256(pdf), 'delivery-confirmation.pdf')).toEqual({
      ok: false,
      code: 'hash-mismatch',
      problem: `“delivery-confirmation.pdf” is not the file its SHA-256 ${sha256(pdf).slice(0, 12)}… names: its bytes differ`,
    });
  });

  it('is refused when it is not a type a laptop attaches, even with the right hash', async () => {
    const page = fixture('invoice.png');
    expect(await checkReceivedFile(page, sha256(page), 'invoice.png')).toMatchObject({
      ok: false,
      code: 'type-refused',
      problem: expect.stringContaining('it is a web page (HTML)'),
    });
  });

  it('is refused past the size a file may be, and taken at it', async () => {
    const big = new Uint8Array(ATTACHMENT_LIMITS.fileBytes + 1);
    expect(await checkReceivedFile(big, sha256(big), 'scan.pdf')).toMatchObject({ ok: false, code: 'too-large', problem: expect.stringContaining('5 MB') });
    const atLimit = new Uint8Array(ATTACHMENT_LIMITS.fileBytes);
    atLimit.set(new TextEncoder().encode('%PDF-1.7'));
    expect(await checkReceivedFile(atLimit, sha256(atLimit), 'scan.pdf')).toEqual({ ok: true, type: 'pdf' });
  });

  it('lives at one address per SHA-256', () => {
    expect(attachmentFilePath('ab'.repeat(32))).toBe(`/v1/attachments/${'ab'.repeat(32)}`);
  });
});
