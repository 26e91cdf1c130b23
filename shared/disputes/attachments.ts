// Files attached to a dispute (proof of delivery, screenshots, customer e-mails): which types are
// taken, told by their first bytes and never by their name, and how much a file and a dispute may
// hold. Pure: the core checks a file here before it is stored and again when a backup brings it in.

export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg', 'eml'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The one MIME type each checked type is ever handled as (an image's Blob URL, a saved file). */
export const ATTACHMENT_MIME: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  eml: 'message/rfc822',
};

export const ATTACHMENT_TYPE_LABEL: Record<AttachmentType, string> = { pdf: 'PDF', png: 'PNG image', jpeg: 'JPEG image', eml: 'E-mail (.eml)' };

/** The extension a saved file gets for its checked type. */
export const ATTACHMENT_EXTENSION: Record<AttachmentType, string> = { pdf: '.pdf', png: '.png', jpeg: '.jpg', eml: '.eml' };

/** What the file shows, which says where it goes in the provider's evidence form. */
export const ATTACHMENT_PURPOSES = ['proof-of-delivery', 'customer-email', 'screenshot', 'receipt', 'other'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const ATTACHMENT_PURPOSE_LABEL: Record<AttachmentPurpose, string> = {
  'proof-of-delivery': 'Proof of delivery',
  'customer-email': 'Customer e-mail',
  screenshot: 'Screenshot',
  receipt: 'Receipt or invoice',
  other: 'Other evidence',
};

/** The Stripe evidence field a file of this purpose is uploaded to (Stripe takes files only as uploads). */
export const STRIPE_FIELD_OF: Record<AttachmentPurpose, string> = {
  'proof-of-delivery': 'shipping_documentation',
  'customer-email': 'customer_communication',
  screenshot: 'uncategorized_file',
  receipt: 'receipt',
  other: 'uncategorized_file',
};

/**
 * Per file 5 MB: the strictest per-file limit the card schemes set for evidence (Amex: 5 MB a file,
 * per Checkout.com's "Dispute evidence file requirements", read 2026-12-03); a file over it would
 * be refused at upload anyway. Per dispute 10 files and 20 MB: more than any network takes for one
 * response (Amex: 5 files, 25 MB), and a bound on what one dispute adds to the cache and backups.
 */
export const ATTACHMENT_LIMITS = { fileBytes: 5 * 1024 * 1024, disputeBytes: 20 * 1024 * 1024, disputeFiles: 10, nameChars: 200 } as const;

/** The type its content says, or why it is refused, naming the file. */
export type Sniffed = { ok: true; type: AttachmentType } | { ok: false; problem: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Header fields an e-mail as saved by a mail client begins with. */
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'received',
  'return-path',
  'delivered-to',
  'message-id',
  'mime-version',
  'content-type',
  'reply-to',
  'sender',
  'x-mailer',
  'dkim-signature',
  'authentication-results',
  'arc-seal',
  'x-received',
  'x-original-to',
  'thread-topic',
  'in-reply-to',
  'references',
]);
/** Fields a real message has one of: a page that happens to start with "Subject:" is not enough. */
const MAIL_ANCHORS = new Set(['from', 'received', 'return-path', 'delivered-to', 'message-id']);

/**
 * RFC 5322 (which replaced RFC 822): a message starts with header fields, `Name: value`, where the
 * name is printable ASCII without a colon; long fields fold onto lines starting with a space or tab.
 * The header block (up to the first blank line, or the first 16 KB) must be nothing else, with at
 * least two fields a mail client writes, one of them naming where it came from.
 */
function isMail(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 16 * 1024);
  if (head.includes(0)) return false;
  const text = new TextDecoder('latin1').decode(head);
  const lines = text.split(/\r?\n/);
  // A message saved from an mbox folder may keep its envelope line ("From sender@host Mon Nov 2 …").
  if (/^From \S/.test(lines[0] ?? '')) lines.shift();
  const complete = lines.length > 1 && bytes.length > head.length ? lines.slice(0, -1) : lines;
  const names = new Set<string>();
  for (const [i, line] of complete.entries()) {
    if (line === '') {
      if (i === 0) return false;
      break;
    }
    if (/^[ \t]/.test(line)) {
      if (i === 0) return false;
      continue;
    }
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return false;
    names.add(m[1]!.toLowerCase());
  }
  const known = [...names].filter((n) => MAIL_HEADERS.has(n));
  return known.length >= 2 && known.some((n) => MAIL_ANCHORS.has(n));
}

/** What a refused file's first bytes look like, so the message says more than "not allowed". */
function lookalike(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (startsWith(bytes, ascii('MZ'))) return 'a Windows program';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux program';
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return 'a macOS program';
  if (startsWith(bytes, ascii('PK\x03\x04'))) return 'a ZIP archive or Office document';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|script|iframe|svg|div)\b/.test(head)) return 'a web page (HTML)';
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return 'an XML or SVG file';
  if (startsWith(bytes, ascii('GIF8'))) return 'a GIF image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'a WebP image';
  if (head.startsWith('#!')) return 'a script';
  return null;
}

/** Shortens a name for a message: the analyst sees which file it was. */
export function shownName(name: string): string {
  const n = name.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'the file';
  return n.length > 80 ? `${n.slice(0, 77)}…` : n;
}

/** The type of a file by its content: %PDF-, the PNG signature, JPEG's FF D8 FF, or e-mail headers. */
export function sniffAttachment(name: string, bytes: Uint8Array): Sniffed {
  const file = `“${shownName(name)}”`;
  if (bytes.length === 0) return { ok: false, problem: `${file} is empty` };
  if (startsWith(bytes, ascii('%PDF-'))) return { ok: true, type: 'pdf' };
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, ascii('IHDR'), 12)) return { ok: true, type: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: 'jpeg' };
  if (isMail(bytes)) return { ok: true, type: 'eml' };
  const like = lookalike(bytes);
  return {
    ok: false,
    problem: `${file} is not a PDF, PNG, JPEG or e-mail (.eml) by its content${like ? `: it is ${like}` : ''}. Only those can be attached, whatever the file is named.`,
  };
}

export interface AttachmentSize {
  size: number;
}

/** Why one more file of `size` bytes cannot be attached beside `existing`, or null when it can. */
export function attachmentLimitProblem(name: string, size: number, existing: readonly AttachmentSize[]): string | null {
  const file = `“${shownName(name)}”`;
  if (size > ATTACHMENT_LIMITS.fileBytes)
    return `${file} is larger than the ${formatBytes(ATTACHMENT_LIMITS.fileBytes)} a file may be (${size.toLocaleString('en-US')} bytes)`;
  if (existing.length >= ATTACHMENT_LIMITS.disputeFiles) return `${file} not attached: a dispute holds at most ${ATTACHMENT_LIMITS.disputeFiles} files`;
  const total = existing.reduce((n, a) => n + a.size, 0);
  if (total + size > ATTACHMENT_LIMITS.disputeBytes)
    return `${file} not attached: the dispute's files would come to more than the ${formatBytes(ATTACHMENT_LIMITS.disputeBytes)} a dispute may hold (${(total + size).toLocaleString('en-US')} bytes)`;
  return null;
}

/** The name a file is saved under: its own, with the extension its checked type has. */
export function savedName(name: string, type: AttachmentType): string {
  const base = shownName(name).replace(/[\\/:*?"<>|]/g, '_');
  const ext = ATTACHMENT_EXTENSION[type];
  const has = type === 'jpeg' ? /\.(jpe?g)$/i.test(base) : base.toLowerCase().endsWith(ext);
  return has ? base : `${base}${ext}`;
}

/** "812 B", "120 KB", "4.5 MB" (1 KB = 1,024 bytes). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** A purpose to offer first for a file of this type. */
export function defaultPurpose(type: AttachmentType): AttachmentPurpose {
  return type === 'eml' ? 'customer-email' : type === 'pdf' ? 'proof-of-delivery' : 'screenshot';
}
