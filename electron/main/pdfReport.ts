// "Print report to PDF": renders the sender's page with its print stylesheet, numbered
// "Page X of Y", and saves it where the analyst chooses.
import type { PrintToPDFOptions, WebContents } from 'electron';
import { writeFileAtomic } from './atomicWrite';

// Chromium fills the templates' pageNumber/totalPages spans. Templates need explicit font
// sizes (the default is unreadably small) and an empty header, or Chromium prints the
// page title and date there.
const EMPTY_HEADER = '<div></div>';
const PAGE_X_OF_Y_FOOTER =
  '<div style="width:100%;font-size:8px;text-align:center;color:#555;">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

export const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

/** Linux save dialogs do not add the filter's extension, so the suggestion carries it. */
export function pdfFileName(suggested: string): string {
  return /\.pdf$/i.test(suggested) ? suggested : `${suggested}.pdf`;
}

export function reportPdfOptions(landscape: boolean): PrintToPDFOptions {
  return {
    printBackground: true,
    landscape,
    displayHeaderFooter: true,
    headerTemplate: EMPTY_HEADER,
    footerTemplate: PAGE_X_OF_Y_FOOTER,
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
