// Node has Blob but not the browser's `self` and FileReader that dexie-export-import reads
// blobs with. This gives it the one call it makes (readAsArrayBuffer) on top of Blob.
const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;

if (!g.FileReader) {
  class NodeFileReader {
    result: ArrayBuffer | null = null;
    error: Error | null = null;
    onload: ((ev: { target: NodeFileReader }) => void) | null = null;
    onerror: ((ev: { target: NodeFileReader }) => void) | null = null;
    onabort: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then(
        (buf) => {
          this.result = buf;
          this.onload?.({ target: this });
        },
        (e: Error) => {
          this.error = e;
          this.onerror?.({ target: this });
        },
      );
    }
  }
  g.FileReader = NodeFileReader;
}
