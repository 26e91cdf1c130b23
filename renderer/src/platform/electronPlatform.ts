// Inside the Electron shell: native dialogs, printToPDF and the managed policy through the
// preload bridge, which exposes exactly the IPC contract in shared/ipc.ts.
import type { WorkbenchBridge } from '../../../shared/ipc';
import type { Platform } from './platform';

export function electronPlatform(bridge: WorkbenchBridge): Platform {
  return {
    host: 'electron',
    async openFiles({ title, filters, multiple }) {
      const files = await bridge['dialog:open-files']({ title, filters, multiple });
      return files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
    },
    async saveFile({ suggestedName, filters, data }) {
      const payload = typeof data === 'string' ? data : new Uint8Array(await data.arrayBuffer());
      return (await bridge['dialog:save-file']({ suggestedName, filters, data: payload })).saved;
    },
    async printToPdf({ suggestedName, landscape }) {
      return (await bridge['print:to-pdf']({ suggestedName, landscape })).saved;
    },
    async appInfo() {
      const info = await bridge['app:info']();
      return { name: info.name, version: info.version, host: 'electron', runtime: `Electron ${info.electron}, Chrome ${info.chrome}`, account: info.account };
    },
    checkpoints: {
      read: () => bridge['checkpoint:read'](),
      extend: (entries) => bridge['checkpoint:extend'](entries),
      restore: (entry) => bridge['checkpoint:restore'](entry),
    },
    managedPolicy() {
      return bridge['policy:managed']();
    },
    // Main put the policy's origin into the CSP and its request filter; the same reading names it here.
    async teamServerOrigin() {
      const reading = await bridge['policy:managed']();
      return reading.status === 'in-force' ? (reading.policy.teamServer?.origin ?? null) : null;
    },
  };
}
