// "Print report to PDF": renders the sender's page with its print stylesheet (which numbers the
// pages "Page X of Y") and saves it where the analyst chooses.
import type { PrintToPDFOptions, WebContents } from 'electron';
import { writeFileAtomic } from './atomicWrite';

// Page numbers come from the print stylesheet (CSS @page margin boxes, "Page X of Y"), so the
// PDF the shell saves and the one the browser prints in browser mode are the same layout. Chromium's
// own header and footer stay off: they would print the page title, URL and date.
export const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

/**
 * Linux save dialogs do not add the filter's extension, so the suggestion carries it. The name is
 * shortened first so that safeFileName's 255-character cut takes the page's text, never ".pdf".
 */
export function pdfFileName(suggested: string): string {
  return /\.pdf$/i.test(suggested) ? suggested : `${suggested.slice(0, 255 - '.pdf'.length)}.pdf`;
}

export function reportPdfOptions(landscape: boolean): PrintToPDFOptions {
  return {
    printBackground: true,
    landscape,
    displayHeaderFooter: false,
    preferCSSPageSize: true,
  };
}

export interface PdfSaveResult {
  saved: boolean;
  path?: string;
}

/**
 * Asks for the target first, so cancelling costs nothing, then prints and writes
 * atomically so an interrupted save never leaves a truncated PDF behind.
 */
export async function printReportToPdf(
  page: Pick<WebContents, 'printToPDF'>,
  askPath: () => Promise<string | null>,
  landscape: boolean,
): Promise<PdfSaveResult> {
  const path = await askPath();
  if (path === null) return { saved: false };
  const pdf = await page.printToPDF(reportPdfOptions(landscape));
  await writeFileAtomic(path, pdf);
  return { saved: true, path };
}
