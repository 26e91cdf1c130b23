// A dispute's attached files: attach (checked by content and size in the core, refused files named),
// list with size and SHA-256, look at one and save it, remove one with a reason. Nothing is ever
// rendered as HTML or run: images show as <img> from a Blob URL of their checked type, an e-mail as
// plain text, a PDF only as a saved file.
import { useEffect, useState } from 'react';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MIME,
  ATTACHMENT_PURPOSES,
  ATTACHMENT_PURPOSE_LABEL,
  ATTACHMENT_TYPE_LABEL,
  defaultPurpose,
  formatBytes,
  sniffAttachment,
  type AttachmentPurpose,
} from '../../../../shared/disputes/attachments';
import { showDateTime } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../app/Alerts';
import { exportAttachment } from '../../app/exportFile';
import { cache } from '../../core/client';
import type { AttachmentContent, AttachmentInfo } from '../../core/contract';
import { platform } from '../../platform';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { ReasonForm } from '../../ui/ReasonForm';
import { messageOf, useActions } from '../../ui/useAsync';
import { ModalDialog } from '../../ui/ModalDialog';

const FILTERS = [{ name: 'PDF, PNG, JPEG or e-mail', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'eml'] }];
/** An e-mail shown as text: its first 200 KB (headers and the start of the body). */
const SHOWN_TEXT = 200 * 1024;

type Choice = AttachmentPurpose | 'auto';

export function DisputeAttachments({ disputeId, files, onChange }: { disputeId: string; files: AttachmentInfo[]; onChange(): Promise<void> }) {
  const [choice, setChoice] = useState<Choice>('auto');
  const [refused, setRefused] = useState<string[]>([]);
  const [shown, setShown] = useState<AttachmentContent | null>(null);
  const [removing, setRemoving] = useState<AttachmentInfo | null>(null);
  const [reason, setReason] = useState('');
  const { run, busy, error } = useActions();
  const total = files.reduce((n, f) => n + f.size, 0);

  const attach = () =>
    run(async () => {
      const chosen = await platform.openFiles({ title: 'Attach evidence to the dispute', filters: FILTERS, multiple: true });
      const problems: string[] = [];
      for (const file of chosen) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const sniffed = sniffAttachment(file.name, bytes);
        const purpose = choice !== 'auto' ? choice : sniffed.ok ? defaultPurpose(sniffed.type) : 'other';
        try {
          await cache.attachToDispute(disputeId, file.name, bytes, purpose);
        } catch (e) {
          problems.push(messageOf(e));
        }
      }
      setRefused(problems);
      if (chosen.length > problems.length) await onChange();
    });

  const save = (f: AttachmentInfo) =>
    run(async () => {
      const c = await cache.disputeAttachment(f.id);
      await exportAttachment(c, `${disputeId}-attachment-${c.id}`, `Attachment ${c.id} of dispute ${disputeId} (${ATTACHMENT_TYPE_LABEL[c.type]})`);
    });

  const show = (f: AttachmentInfo) =>
    run(async () => {
      if (shown?.id === f.id) return setShown(null);
      setShown(await cache.disputeAttachment(f.id));
    });

  const columns: Column<AttachmentInfo>[] = [
    { header: 'File', cell: (f) => f.name },
    { header: 'What it shows', cell: (f) => ATTACHMENT_PURPOSE_LABEL[f.purpose] },
    { header: 'Type (by content)', cell: (f) => ATTACHMENT_TYPE_LABEL[f.type] },
    { header: 'Size', right: true, cell: (f) => formatBytes(f.size) },
    { header: 'SHA-256', className: 'mono', title: (f) => f.sha256, cell: (f) => `${f.sha256.slice(0, 12)}…` },
    { header: 'Added', cell: (f) => `${showDateTime(f.addedAt)} UTC · ${f.analyst}` },
    {
      header: null,
      headerLabel: 'Actions',
      noPrint: true,
      cell: (f) => (
        <>
          {f.type !== 'pdf' && (
            <button className="link" onClick={() => void show(f)} aria-label={`${shown?.id === f.id ? 'Hide' : 'Show'} ${f.name}`}>
              {shown?.id === f.id ? 'Hide' : 'Show'}
            </button>
          )}{' '}
          <button className="link" onClick={() => void save(f)} aria-label={`Save ${f.name}`}>
            Save…
          </button>{' '}
          <button className="link" onClick={() => setRemoving(f)} aria-label={`Remove ${f.name}`}>
            Remove
          </button>
        </>
      ),
    },
  ];

  return (
    <section className="attachments" aria-labelledby={`attachments-${disputeId}`}>
      <h3 id={`attachments-${disputeId}`}>
        Attached files ({files.length} of {ATTACHMENT_LIMITS.disputeFiles}, {formatBytes(total)} of {formatBytes(ATTACHMENT_LIMITS.disputeBytes)})
      </h3>
      <div className="toolbar" role="group" aria-label="Attach files">
        <label>
          What it shows{' '}
          <select aria-label="What the file shows" value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
            <option value="auto">By its type (e-mail, PDF: delivery, image: screenshot)</option>
            {ATTACHMENT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {ATTACHMENT_PURPOSE_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => void attach()} disabled={busy}>
          Attach files…
        </button>
        <span className="muted small">PDF, PNG, JPEG or e-mail (.eml), checked by content; up to {formatBytes(ATTACHMENT_LIMITS.fileBytes)} a file</span>
      </div>
      {refused.length > 0 && (
        <div role="alert" className="error" data-testid="attachment-refused">
          {refused.map((p) => (
            <p key={p}>Not attached: {p}</p>
          ))}
        </div>
      )}
      {!removing && <ErrorAlert message={error} />}
      {removing && (
        <ModalDialog label="Remove the file?" className="" busy={busy} onCancel={() => setRemoving(null)}>
          <ReasonForm
            label="Reason to remove the file"
            reason={reason}
            setReason={setReason}
            reasonLabel="Why remove it"
            placeholder="Why remove it? (logged with its hash)"
            confirm="Remove the file"
            onConfirm={async () => {
              const done = await run(async () => {
                await cache.removeDisputeAttachment(removing.id, reason);
                if (shown?.id === removing.id) setShown(null);
                await onChange();
                return true;
              });
              return done === true;
            }}
            onClose={() => setRemoving(null)}
          >
            <strong>Remove “{removing.name}”?</strong> The file leaves the cache; the dispute's history keeps that it was attached, its type, size and SHA-256,
            and who removed it why.
          </ReasonForm>
          <ErrorAlert message={error} />
        </ModalDialog>
      )}
      {files.length > 0 ? (
        <HistoryTable rows={files} columns={columns} rowKey={(f) => f.id} label="Attached files" />
      ) : (
        <p className="muted">No files attached. Proof of delivery, screenshots and the customer’s e-mails go here and into the evidence pack.</p>
      )}
      {shown && <AttachmentView content={shown} />}
    </section>
  );
}

/** One file's content, never as markup: an image from a Blob URL of its checked type, an e-mail as text. */
function AttachmentView({ content }: { content: AttachmentContent }) {
  const url = useBlobUrl(content.type === 'png' || content.type === 'jpeg' ? content : null);
  if (content.type === 'eml') {
    const text = new TextDecoder('utf-8').decode(content.bytes.subarray(0, SHOWN_TEXT));
    return (
      <figure className="attachment-view">
        <figcaption>{content.name} (as plain text)</figcaption>
        <pre className="eml" data-testid="attachment-text">
          {text}
          {content.bytes.length > SHOWN_TEXT ? '\n… (the rest is in the saved file)' : ''}
        </pre>
      </figure>
    );
  }
  return url ? (
    <figure className="attachment-view">
      <img src={url} alt={`Attached ${content.name}`} data-testid="attachment-image" />
      <figcaption>{content.name}</figcaption>
    </figure>
  ) : null;
}

/** A Blob URL of an image's bytes with its checked MIME type, revoked when it is no longer shown. */
export function useBlobUrl(content: Pick<AttachmentContent, 'bytes' | 'type'> | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!content) return setUrl(null);
    const u = URL.createObjectURL(new Blob([content.bytes as BlobPart], { type: ATTACHMENT_MIME[content.type] }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [content]);
  return url;
}
