// Reports print with backgrounds, the print stylesheet's page size and page numbers (no Chromium
// header or footer), in the orientation asked for, and only once the analyst chose where to save.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../../../electron/main/fileDialogs';
import { pdfFileName, printReportToPdf, reportPdfOptions } from '../../../electron/main/pdfReport';

describe('reportPdfOptions', () => {
  it("prints backgrounds on the stylesheet's pages, without Chromium's title/URL/date header and footer", () => {
    const options = reportPdfOptions(true);
    expect(options.printBackground).toBe(true);
    expect(options.landscape).toBe(true);
    expect(options.displayHeaderFooter).toBe(false);
    expect(options.preferCSSPageSize).toBe(true);
    expect(reportPdfOptions(false).landscape).toBe(false);
  });
});

describe('pdfFileName', () => {
  it('adds .pdf once', () => {
    expect(pdfFileName('ring-report')).toBe('ring-report.pdf');
    expect(pdfFileName('ring-report.PDF')).toBe('ring-report.PDF');
  });

  // The page suggests up to 255 characters and the dialog keeps 255: a long name must lose its
  // own end, not ".pdf", or the report is offered as "….desktop" (or .exe, .html) holding a PDF.
  it('still ends in .pdf once the save dialog has cut the name to length', () => {
    const long = `${'a'.repeat(247)}.desktop`;
    expect(safeFileName(pdfFileName(long))).toMatch(/^a+\.des\.pdf$/);
    expect(safeFileName(pdfFileName(`${'b'.repeat(251)}.pdf`))).toBe(`${'b'.repeat(251)}.pdf`);
  });
});

describe('printReportToPdf', () => {
  it('does not render when the analyst cancels the save dialog', async () => {
    const page = { printToPDF: vi.fn() };
    expect(await printReportToPdf(page, async () => null, false)).toEqual({ saved: false });
    expect(page.printToPDF).not.toHaveBeenCalled();
  });

  it('renders with the report options and writes the PDF to the chosen path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-pdf-'));
    try {
      const target = join(dir, 'disputes.pdf');
      const page = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) };
      expect(await printReportToPdf(page, async () => target, true)).toEqual({ saved: true, path: target });
      expect(page.printToPDF).toHaveBeenCalledWith(reportPdfOptions(true));
      expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
