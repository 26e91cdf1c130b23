// Browser mode: files through the page's own file picker and downloads, PDF through the
// browser's print dialog on the same print layout the Electron shell prints.
import { readTeamOrigin } from '../../../shared/team/origin';
import type { AppInfo, FileFilter, Platform } from './platform';

declare const __APP_VERSION__: string;

function pickFiles(filters: FileFilter[], multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

export const browserPlatform: Platform = {
  host: 'browser',
  openFiles: ({ filters, multiple }) => pickFiles(filters, multiple),
  async saveFile({ suggestedName, data }) {
    const blob = typeof data === 'string' ? new Blob([data], { type: 'text/plain;charset=utf-8' }) : data;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Give the download a moment to start before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  },
  async printToPdf() {
    window.print();
    return true;
  },
  async appInfo(): Promise<AppInfo> {
    const engine = /(Firefox|Edg|Chrome|Version)\/(\d+)/.exec(navigator.userAgent);
    const runtime = engine ? `${engine[1] === 'Version' ? 'Safari' : engine[1] === 'Edg' ? 'Edge' : engine[1]} ${engine[2]}` : 'unknown browser';
    return { name: 'Fraud Workbench', version: __APP_VERSION__, host: 'browser', runtime, account: '' };
  },
  // A web page cannot read the machine's policy folder: browser mode runs unmanaged.
  async managedPolicy() {
    return { status: 'none' };
  },
  // The page's own server says which team server its CSP lets through (serve.mjs --team-origin);
  // any other host of the page (none, or a plain static server) means no team server.
  async teamServerOrigin() {
    try {
      const answer = await fetch('./team-server.json', { cache: 'no-store', credentials: 'omit' });
      if (!answer.ok) return null;
      const body = (await answer.json()) as { origin?: unknown };
      if (typeof body.origin !== 'string') return null;
      const read = readTeamOrigin(body.origin);
      return read.ok ? read.origin : null;
    } catch {
      return null;
    }
  },
  checkpoints: null,
};
