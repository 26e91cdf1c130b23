// A read worker in the test's own thread (readAhead.ts), for tests of reading beside the writes.
import { serveRead, type Endpoint, type ReadMessage, type ReadRequest, type ReadWorker, type TakenMessage } from '../../renderer/src/core/imports/readAhead';
import { chunked } from './importInput';

export interface Trace {
  /** Chunks the read side took from the file. */
  pulled: number;
  /** Batches the import side said it took. */
  taken: number;
  /** Most batches posted and not yet taken at any time. */
  mostAhead: number;
  terminated: boolean;
}

/**
 * A read worker in this thread: messages cross as they would between threads (structured clone,
 * a task later), nothing arrives once it is terminated, and the file is read in `size`-byte chunks
 * (each read in parts of `part` bytes, READ_PART unless given).
 */
export function inThreadWorker(size: number, trace: Trace, failAfter = Infinity, part?: number): ReadWorker {
  let readSide: Endpoint<TakenMessage, ReadMessage> | null = null;
  let posted = 0;
  const worker: ReadWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message) {
      if ('file' in message) {
        const request = message as ReadRequest;
        readSide = {
          onmessage: null,
          postMessage: (out) => {
            const copy = structuredClone(out);
            if (copy.type === 'batch') trace.mostAhead = Math.max(trace.mostAhead, ++posted - trace.taken);
            setTimeout(() => !trace.terminated && worker.onmessage?.({ data: copy }));
          },
        };
        const chunks = async function* (file: Blob) {
          for await (const chunk of chunked(new Uint8Array(await file.arrayBuffer()), size, failAfter)) {
            trace.pulled++;
            yield chunk;
          }
        };
        void serveRead(request, readSide, chunks, part);
        return;
      }
      trace.taken++;
      setTimeout(() => !trace.terminated && readSide?.onmessage?.({ data: structuredClone(message as TakenMessage) }));
    },
    terminate() {
      trace.terminated = true;
    },
  };
  return worker;
}

export const newTrace = (): Trace => ({ pulled: 0, taken: 0, mostAhead: 0, terminated: false });
