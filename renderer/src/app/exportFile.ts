// Writing a file the analyst asked for, and logging it: every CSV, PDF, PNG, backup and checkpoint
// goes through here, so the export log (who, when, what, rows, log head) misses none.
import { ATTACHMENT_EXTENSION, ATTACHMENT_MIME, ATTACHMENT_TYPE_LABEL, savedName, type AttachmentType } from '../../../shared/disputes/attachments';
import { cache } from '../core/client';
import type { ExportLogRecord } from '../core/contract';
import type { LogHead } from '../../../shared/decisions/chain';
import { platform, type FileFilter } from '../platform';
import { useUi } from '../state/uiStore';

/** Logs a file written, and tells the export log on screen (Settings) to show it. */
async function logWritten(input: Parameters<typeof cache.logExport>[0]): Promise<void> {
  await cache.logExport(input);
  useUi.getState().exportLogged();
}

export interface ExportRequest {
  kind: ExportLogRecord['kind'];
  suggestedName: string;
  filters: FileFilter[];
  data: Blob | string;
  /** Rows written (table rows, a backup's orders); null where rows mean nothing. */
  rows: number | null;
  /** What the file shows, in a few words. */
  what: string;
  /** The name the export log records, when the file's own name may carry personal data (an attachment's). */
  loggedName?: string;
  /** The decision log's head the data was made from, where the caller knows it (a checkpoint's last entry). */
  logHead?: LogHead;
}

/** Saves the file; logs it when it was written. False when the analyst cancelled. */
export async function exportFile(req: ExportRequest): Promise<boolean> {
  // Read before the dialog opens: the file holds what was made then, whatever is decided while it stands open.
  const logHead = req.logHead ?? (await cache.logHead());
  const saved = await platform.saveFile({ suggestedName: req.suggestedName, filters: req.filters, data: req.data });
  if (saved) await logWritten({ kind: req.kind, fileName: req.loggedName ?? req.suggestedName, rows: req.rows, what: req.what, logHead });
  return saved;
}

/**
 * A CSV as the analyst's spreadsheet reads it: UTF-8 with a byte-order mark, without which Excel
 * reads it as the Windows code page (Jörg Müller shows as JÃ¶rg MÃ¼ller). The app's own readers
 * skip the mark.
 */
export function spreadsheetCsv(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

/**
 * What the export log adds for a PDF in browser mode: the page hands its print layout to the
 * browser's print dialog, which never says whether, or under which name, a file was saved.
 */
export const PRINT_DIALOG_NOTE = "sent to the browser's print dialog (the name offered; whether and where it was saved, the browser does not say)";

/** Prints the report layout to PDF and logs it: in the desktop app the file written, in browser mode the print dialog opened. */
export async function exportPdf(opts: { suggestedName: string; landscape: boolean; rows: number | null; what: string }): Promise<boolean> {
  const logHead = await cache.logHead();
  const saved = await platform.printToPdf({ suggestedName: opts.suggestedName, landscape: opts.landscape });
  const what = platform.host === 'browser' ? `${opts.what}; ${PRINT_DIALOG_NOTE}` : opts.what;
  if (saved) await logWritten({ kind: 'pdf', fileName: opts.suggestedName, rows: opts.rows, what, logHead });
  return saved;
}

/**
 * Saves a dispute's file under its own name with the extension of its checked type, as a file and
 * never opened; the export log names it `loggedName` (its own name may carry personal data).
 */
export function exportAttachment(file: { name: string; type: AttachmentType; bytes: Uint8Array }, loggedName: string, what: string): Promise<boolean> {
  const ext = ATTACHMENT_EXTENSION[file.type];
  return exportFile({
    kind: 'attachment',
    suggestedName: savedName(file.name, file.type),
    loggedName: `${loggedName}${ext}`,
    filters: [{ name: ATTACHMENT_TYPE_LABEL[file.type], extensions: [ext.replace('.', '')] }],
    data: new Blob([file.bytes as BlobPart], { type: ATTACHMENT_MIME[file.type] }),
    rows: null,
    what,
  });
}
