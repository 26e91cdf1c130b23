// What may be attached to a dispute: the type is read from the content (magic bytes, e-mail headers),
// never from the name; anything else is refused with a message naming the file; the limits per file
// and per dispute hold.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, attachmentLimitProblem, formatBytes, savedName, sniffAttachment } from '../../../shared/disputes/attachments';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/attachments/${name}`, import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);

describe('attachment type by content', () => {
  it('reads PDF, PNG, JPEG and e-mail from their first bytes', () => {
    expect(sniffAttachment('delivery-confirmation.pdf', fixture('delivery-confirmation.pdf'))).toEqual({ ok: true, type: 'pdf' });
    expect(sniffAttachment('proof-of-delivery.png', fixture('proof-of-delivery.png'))).toEqual({ ok: true, type: 'png' });
    expect(sniffAttachment('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toEqual({ ok: true, type: 'jpeg' });
    expect(sniffAttachment('customer-reply.eml', fixture('customer-reply.eml'))).toEqual({ ok: true, type: 'eml' });
  });

  it('goes by content, not by name: a PNG named .pdf is a PNG', () => {
    expect(sniffAttachment('scan.pdf', fixture('proof-of-delivery.png'))).toEqual({ ok: true, type: 'png' });
  });

  it('refuses a web page renamed .png and a program renamed .pdf, naming the file and what it is', () => {
    const page = sniffAttachment('invoice.png', fixture('invoice.png'));
    expect(page).toEqual({
      ok: false,
      problem: expect.stringContaining('“invoice.png” is not a PDF, PNG, JPEG or e-mail (.eml) by its content: it is a web page (HTML)'),
    });
    const program = sniffAttachment('tool.pdf', fixture('tool.pdf'));
    expect(program).toEqual({
      ok: false,
      problem: expect.stringContaining('“tool.pdf” is not a PDF, PNG, JPEG or e-mail (.eml) by its content: it is a Windows program'),
    });
  });

  it('refuses an empty file, a GIF, an SVG, a PNG signature without its header chunk', () => {
    expect(sniffAttachment('a.png', new Uint8Array())).toEqual({ ok: false, problem: '“a.png” is empty' });
    expect(sniffAttachment('a.png', text('GIF89a....'))).toMatchObject({ ok: false, problem: expect.stringContaining('a GIF image') });
    expect(sniffAttachment('a.png', text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toMatchObject({ ok: false });
    expect(sniffAttachment('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x61, 0x62, 0x63, 0x64]))).toMatchObject({
      ok: false,
    });
  });

  it('takes as e-mail only a header block of real mail fields, with one naming where it came from', () => {
    expect(sniffAttachment('m.eml', text('From: a@example.net\nSubject: hi\n\nbody'))).toEqual({ ok: true, type: 'eml' });
    expect(sniffAttachment('m.eml', text('Return-Path: <a@example.net>\r\nDelivered-To: b@example.net\r\n\r\n'))).toEqual({ ok: true, type: 'eml' });
    // An mbox envelope line before the headers, as some mail clients save a message.
    expect(sniffAttachment('m.eml', text('From a@example.net Mon Nov  2 10:11:58 2026\nFrom: a@example.net\nSubject: hi\n\nbody'))).toEqual({
      ok: true,
      type: 'eml',
    });
    // One field, or fields no mail client writes first, or a page with a header-like first line.
    expect(sniffAttachment('m.eml', text('Subject: hi\n\nbody'))).toMatchObject({ ok: false });
    expect(sniffAttachment('m.eml', text('Subject: hi\nContent-Type: text/html\n\n<html>'))).toMatchObject({ ok: false });
    expect(sniffAttachment('m.eml', text('From: a@example.net\n<html><body>Subject: x</body></html>'))).toMatchObject({ ok: false });
    expect(sniffAttachment('m.eml', text('\nFrom: a@example.net\nSubject: hi\n'))).toMatchObject({ ok: false });
    expect(sniffAttachment('m.eml', new Uint8Array([...text('From: a@example.net\nSubject: hi\n'), 0, 1, 2]))).toMatchObject({ ok: false });
  });

  it('names a file with control characters or a very long name readably', () => {
    const r = sniffAttachment(`${'x'.repeat(120)}\u0007.png`, text('hello'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/^“x{77}…” is not/);
  });
});

describe('attachment limits', () => {
  it('refuses a file over 5 MB, an 11th file, and a dispute over 20 MB in all', () => {
    expect(attachmentLimitProblem('big.pdf', ATTACHMENT_LIMITS.fileBytes + 1, [])).toBe('“big.pdf” is larger than the 5 MB a file may be (5,242,881 bytes)');
    expect(attachmentLimitProblem('ok.pdf', ATTACHMENT_LIMITS.fileBytes, [])).toBeNull();
    const ten = Array.from({ length: 10 }, () => ({ size: 1000 }));
    expect(attachmentLimitProblem('11.png', 10, ten)).toBe('“11.png” not attached: a dispute holds at most 10 files');
    const four = Array.from({ length: 4 }, () => ({ size: ATTACHMENT_LIMITS.fileBytes }));
    expect(attachmentLimitProblem('5th.pdf', 1, four)).toBe(
      "“5th.pdf” not attached: the dispute's files would come to more than the 20 MB a dispute may hold (20,971,521 bytes)",
    );
  });

  it('saves a file under its own name with its checked type’s extension', () => {
    expect(savedName('pod.pdf', 'pdf')).toBe('pod.pdf');
    expect(savedName('scan.pdf', 'png')).toBe('scan.pdf.png');
    expect(savedName('photo.JPEG', 'jpeg')).toBe('photo.JPEG');
    expect(savedName('a/b:c.eml', 'eml')).toBe('a_b_c.eml');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(120 * 1024)).toBe('120 KB');
    expect(formatBytes(4.5 * 1024 * 1024)).toBe('4.5 MB');
  });
});
